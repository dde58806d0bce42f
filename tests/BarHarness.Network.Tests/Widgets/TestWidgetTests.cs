using System.Text.RegularExpressions;
using BarHarness.LuaHost.Widgets;

namespace BarHarness.Network.Tests.Widgets;

/// <summary>Tiny widgets, loaded as BAR loads them, see what a real socket would show for each transport
/// behaviour.</summary>
public sealed partial class TestWidgetTests
{
    private const long FrameMicros = 33_333;

    [Fact]
    public void Peer_that_stops_reading_yields_timeout_with_partial_index_below_the_message_length()
    {
        var (network, host, listener) = Start("stop_read_widget.lua");
        IConnection? peer = null;
        for (var frame = 1; frame <= 10; frame++)
        {
            host.CallIn("GameFrame", frame);
            network.AdvanceBy(FrameMicros);
            peer ??= listener.TryAccept(); // accepted, never read
        }

        var sends = host.Runtime.Console.Lines.Select(l => SendLine().Match(l.Text)).Where(m => m.Success).ToList();
        Assert.NotEmpty(sends);
        var first = sends[0];
        Assert.Equal("timeout", first.Groups[1].Value);
        Assert.True(long.Parse(first.Groups[2].Value) < long.Parse(first.Groups[3].Value));
        Assert.Equal(2 * SocketBuffers.DefaultBytes, long.Parse(first.Groups[2].Value));
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void Peer_reset_yields_closed_on_receive_and_send()
    {
        var (network, host, listener) = Start("reset_widget.lua");
        for (var frame = 1; frame <= 3; frame++)
        {
            host.CallIn("GameFrame", frame);
            network.AdvanceBy(FrameMicros);
        }

        listener.TryAccept()!.Reset();
        network.AdvanceBy(FrameMicros);
        host.CallIn("GameFrame", 4);

        var last = host.Runtime.Console.Lines.TakeLast(2).Select(l => l.Text).ToList();
        Assert.Equal(["receive\tnil\tclosed\t", "send\tnil\tclosed"], last);
    }

    private static (SimulatedNetwork Network, WidgetHost Host, IListener Listener) Start(string widget)
    {
        var network = new SimulatedNetwork(new SimClock());
        var listener = network.Listen(NetEndpoint.Loopback(8765));
        var runtime = new LuaRuntime();
        LuaSocketBinding.Install(runtime, new LuaSocketApi(network));
        var host = new WidgetHost(runtime);
        var result = host.Load(Path.Combine(AppContext.BaseDirectory, "Widgets", widget));
        Assert.True(result.Status == WidgetLoadStatus.Loaded, result.ToString());
        return (network, host, listener);
    }

    [GeneratedRegex("^send\\tnil\\t(\\w+)\\t(\\d+)\\t(\\d+)$")]
    private static partial Regex SendLine();
}
