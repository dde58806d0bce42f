using BarHarness.Core.Transport;
using BarHarness.TestServer.Framing;
using BarHarness.Transport.Real;
using BarHarness.Transport.Simulated;

namespace BarHarness.Scenarios.Running;

/// <summary>Builds the scenario's transport and gives the widget its <c>socket</c> over it.</summary>
internal static class NetworkBinding
{
    public static ITransport CreateTransport(NetworkSpec spec, NetworkMode? forced, SimClock clock)
    {
        var options = new TransportOptions
        {
            Buffers = new SocketBuffers(spec.ClientBufferBytes, spec.ServerBufferBytes),
            ConnectDelayMicros = Math.Max(1, (long)(spec.ConnectDelaySeconds * SimClock.MicrosPerSecond)),
        };
        return (forced ?? spec.Mode) == NetworkMode.Real
            ? new RealNetwork(clock, options)
            : new SimulatedNetwork(clock, options);
    }

    public static SocketObservations InstallSocket(
        LuaRuntime runtime, ITransport transport, SimClock clock, Func<int> frame)
    {
        var api = new LuaSocketApi(transport)
        {
            TracebackSource = () => LuaApi.Traceback(runtime.State, null, 1),
            GameFrameSource = () => frame(),
        };
        LuaSocketBinding.Install(runtime, api);
        return new SocketObservations(api);
    }

    public static FramingKind ServerFraming(Framing framing) => framing switch
    {
        Framing.Newline => FramingKind.NewlineDelimited,
        Framing.Length => FramingKind.LengthPrefixed,
        _ => FramingKind.AutoDetect,
    };
}

/// <summary>What the widget's sockets did: bytes handed to send, blocking calls, sockets left open.</summary>
public sealed class SocketObservations(LuaSocketApi api)
{
    public SocketStatistics Statistics => api.Statistics;

    public SocketTimeline Timeline => api.Timeline;

    /// <summary>
    /// The widget side of the byte accounting: bytes its sends accepted, bytes resets threw away, and
    /// bytes still queued in its send buffers. Null on the real network, whose kernels hold what we cannot see.
    /// </summary>
    public AccountingInput? Accounting()
    {
        if (!api.Transport.IsSimulated)
        {
            return null;
        }

        var connections = api.Connections.ToList();
        return new AccountingInput(
            api.Statistics.BytesSent,
            connections.Sum(c => c.Counters.BytesLostAtReset),
            connections.Sum(c => (long)c.QueuedOutbound));
    }

    /// <summary>Bytes waiting in the send buffers of the widget's open sockets (the kernel's send queue).</summary>
    public int BytesQueuedToSend() =>
        api.OpenSockets.Select(s => s.Connection).OfType<IConnection>().Sum(c => c.QueuedOutbound);

    public IReadOnlyList<string> OpenSocketDescriptions() =>
        api.OpenSockets.Select(s => $"tcp{{{s.ClassName}}} #{s.Id}").ToList();
}
