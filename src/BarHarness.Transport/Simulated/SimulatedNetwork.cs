using BarHarness.Core.Time;

namespace BarHarness.Transport.Simulated;

/// <summary>
/// The default backend: an in-memory TCP model with per-socket send and receive buffers, a
/// connection set-up delay, one-way latency, FIN and RST, and listen backlogs. No threads and no
/// wall time: bytes move only inside <see cref="Pump"/>, at <see cref="Clock"/> time, in a fixed
/// order, so the same calls at the same virtual times give the same bytes every run.
/// </summary>
public sealed class SimulatedNetwork(SimClock clock, TransportOptions? options = null) : ITransport
{
    private const int FirstEphemeralPort = 49152;
    private const int FirstListenPort = 40000;

    // Linux retransmits an unanswered SYN after one second; a full backlog drops SYNs the same way.
    private const long SynRetryMicros = 1_000_000;

    private readonly List<SimulatedListener> _listeners = [];
    private readonly SimEventQueue _events = new();
    private long _nextConnectionId = 1;
    private int _nextEphemeralPort = FirstEphemeralPort;
    private int _nextListenPort = FirstListenPort;

    public SimClock Clock { get; } = clock;

    public TransportOptions Options { get; } = options ?? new TransportOptions();

    public bool IsSimulated => true;

    public long? NextEventMicros => _events.NextAt;

    public IListener Listen(NetEndpoint at, int backlog = 32, SocketBuffers? buffers = null)
    {
        var port = at.Port == 0 ? _nextListenPort++ : at.Port;
        var address = at.Address == "*" ? NetEndpoint.AnyAddress : at.Address;
        if (_listeners.Any(l => l.LocalEndpoint.Port == port
            && (l.LocalEndpoint.IsAnyAddress || address == NetEndpoint.AnyAddress
                || l.LocalEndpoint.Address == address)))
        {
            throw new TransportException(TransportError.AddressInUse, $"address already in use: {address}:{port}");
        }

        var listener = new SimulatedListener(this, new NetEndpoint(address, port), backlog, buffers ?? Options.Buffers);
        _listeners.Add(listener);
        return listener;
    }

    public IConnection Connect(NetEndpoint remote, SocketBuffers? buffers = null)
    {
        var local = new NetEndpoint("127.0.0.1", _nextEphemeralPort++);
        var client = new SimulatedConnection(
            this,
            _nextConnectionId++,
            local,
            remote,
            buffers ?? Options.Buffers,
            ConnectionState.Connecting);
        _events.Schedule(Clock.NowMicros + Options.ConnectDelayMicros, () => CompleteHandshake(client));
        return client;
    }

    public void Pump()
    {
        while (_events.TryTakeDue(Clock.NowMicros, out var action))
        {
            action();
        }
    }

    public void Dispose()
    {
    }

    internal void Schedule(long delayMicros, Action action)
    {
        if (delayMicros <= 0)
        {
            action(); // loopback with no latency: delivered during the call, as the kernel does
        }
        else
        {
            _events.Schedule(Clock.NowMicros + delayMicros, action);
        }
    }

    internal void Unlisten(SimulatedListener listener) => _listeners.Remove(listener);

    private void CompleteHandshake(SimulatedConnection client)
    {
        if (client.State != ConnectionState.Connecting)
        {
            return; // closed by its owner while the handshake was under way
        }

        var listener = _listeners.FirstOrDefault(l => l.LocalEndpoint.Port == client.RemoteEndpoint.Port
            && l.Accepts(client.RemoteEndpoint.Address));
        if (listener is null)
        {
            client.Refuse();
            return;
        }

        if (!listener.HasRoom)
        {
            _events.Schedule(Clock.NowMicros + SynRetryMicros, () => CompleteHandshake(client));
            return;
        }

        var serverLocal = new NetEndpoint(client.RemoteEndpoint.Address, client.RemoteEndpoint.Port);
        var server = new SimulatedConnection(
            this,
            _nextConnectionId++,
            serverLocal,
            client.LocalEndpoint,
            listener.Buffers,
            ConnectionState.Established);
        SimulatedConnection.Pair(client, server);
        listener.Enqueue(server);
    }
}
