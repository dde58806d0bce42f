using BarHarness.Core.Time;
using BarHarness.Core.Transport;

namespace BarHarness.TestServer.Serve;

/// <summary>
/// The server half of a real-socket transport, for <c>barharness serve</c> facing a real BAR game.
/// Its clock is set by the caller from wall time (serve is live: timing is measured, not decided).
/// It only listens: <see cref="Connect"/> is not offered here (the Network room's real transport does
/// both; pass that one to <see cref="ServeSession"/> where available).
/// </summary>
public sealed class LoopbackSocketTransport(TransportOptions? options = null) : ITransport
{
    private readonly List<SocketListener> _listeners = [];
    private long _nextId;

    public SimClock Clock { get; } = new();

    public TransportOptions Options { get; } = options ?? new TransportOptions();

    public bool IsSimulated => false;

    public long? NextEventMicros => null;

    public IListener Listen(NetEndpoint at, int backlog = 32, SocketBuffers? buffers = null)
    {
        var listener = new SocketListener(at, backlog, buffers, Clock, () => ++_nextId);
        _listeners.Add(listener);
        return listener;
    }

    public IConnection Connect(NetEndpoint remote, SocketBuffers? buffers = null) =>
        throw new NotSupportedException(
            "the serve transport only listens; use the Network room's real transport to connect");

    public void Pump()
    {
        // The kernel moves the bytes; nothing to do.
    }

    public void Dispose()
    {
        foreach (var listener in _listeners.Where(l => l.IsOpen))
        {
            listener.Close();
        }

        _listeners.Clear();
    }
}
