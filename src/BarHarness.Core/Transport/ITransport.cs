using BarHarness.Core.Time;

namespace BarHarness.Core.Transport;

/// <summary>
/// A TCP network: the simulated backend (in memory, deterministic, moved only by <see cref="Pump"/>
/// at <see cref="Clock"/> time) or the real one (OS sockets on 127.0.0.1). Clients (the widget's
/// <c>socket</c>) and servers (the test server) use only this contract, so either backend serves.
/// </summary>
public interface ITransport : IDisposable
{
    SimClock Clock { get; }

    TransportOptions Options { get; }

    /// <summary>True for the in-memory model (no wall time, no threads); false for OS sockets.</summary>
    bool IsSimulated { get; }

    /// <summary>Opens a listener; port 0 picks a free port. Throws <see cref="TransportException"/> (AddressInUse) when
    /// taken.</summary>
    IListener Listen(NetEndpoint at, int backlog = 32, SocketBuffers? buffers = null);

    /// <summary>Starts a non-blocking connect; the returned end is <see cref="ConnectionState.Connecting"/> and later
    /// <see cref="ConnectionState.Established"/> or <see cref="ConnectionState.Refused"/>.</summary>
    IConnection Connect(NetEndpoint remote, SocketBuffers? buffers = null);

    /// <summary>Moves everything due at or before <c>Clock.NowMicros</c> (simulated); refreshes states
    /// (real).</summary>
    void Pump();

    /// <summary>Virtual time of the next internal event, or null when nothing is scheduled (always null for the real
    /// backend).</summary>
    long? NextEventMicros { get; }
}
