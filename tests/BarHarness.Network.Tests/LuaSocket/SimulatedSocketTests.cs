using BarHarness.Network.Tests.Transport;

namespace BarHarness.Network.Tests.LuaSocket;

/// <summary>Tests of the LuaSocket API over one simulated network with 4 KiB socket buffers.</summary>
public abstract class SimulatedSocketTests
{
    protected SimulatedNetwork Network { get; } = Backends.Simulated(4096, 4096);

    /// <summary>An API on the network, a listener on <paramref name="port"/> and a non-blocking socket not yet
    /// connected.</summary>
    protected (LuaSocketApi Api, IListener Listener, TcpSocket Socket) ApiWithListenerOn(int port)
    {
        var api = new LuaSocketApi(Network);
        var listener = Network.Listen(NetEndpoint.Loopback(port));
        return (api, listener, api.NonBlockingTcp());
    }
}
