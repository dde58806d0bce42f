using BarHarness.Core.Time;

namespace BarHarness.TestServer.Tests.Fakes;

/// <summary>
/// A small in-memory TCP stand-in for these tests only (the Network room owns the real simulated
/// network): bounded buffers per direction (sender's send + receiver's receive buffer), FIN, RST,
/// refused connects, and Linux's "close with unread data resets". Connects complete on Pump.
/// </summary>
internal sealed class PipeTransport : ITransport
{
    private readonly Dictionary<int, PipeListener> _listeners = [];
    private readonly List<PipeEnd> _connecting = [];
    private long _nextId;

    public PipeTransport(TransportOptions? options = null) => Options = options ?? new TransportOptions();

    public SimClock Clock { get; } = new();

    public TransportOptions Options { get; }

    public bool IsSimulated => true;

    public long? NextEventMicros => null;

    public List<PipeEnd> ClientEnds { get; } = [];

    public IListener Listen(NetEndpoint at, int backlog = 32, SocketBuffers? buffers = null)
    {
        var port = at.Port == 0 ? 40000 + _listeners.Count : at.Port;
        if (_listeners.TryGetValue(port, out var existing) && existing.IsOpen)
        {
            throw new TransportException(TransportError.AddressInUse, $"port {port} in use");
        }

        var listener = new PipeListener(new NetEndpoint("127.0.0.1", port), backlog, buffers ?? Options.Buffers);
        _listeners[port] = listener;
        return listener;
    }

    public IConnection Connect(NetEndpoint remote, SocketBuffers? buffers = null)
    {
        var end = new PipeEnd(
            ++_nextId,
            new NetEndpoint("127.0.0.1", 50000 + (int)_nextId),
            remote,
            Clock.NowMicros,
            buffers ?? Options.Buffers)
        {
            State = ConnectionState.Connecting,
        };
        _connecting.Add(end);
        ClientEnds.Add(end);
        return end;
    }

    public void Pump()
    {
        foreach (var client in _connecting.ToArray())
        {
            _connecting.Remove(client);
            if (!_listeners.TryGetValue(client.RemoteEndpoint.Port, out var listener) || !listener.IsOpen
                || listener.PendingCount >= listener.Backlog)
            {
                client.State = ConnectionState.Refused;
                continue;
            }

            var server = new PipeEnd(
                ++_nextId,
                listener.LocalEndpoint,
                client.LocalEndpoint,
                Clock.NowMicros,
                listener.Buffers);
            PipeEnd.Join(client, server);
            listener.Pending.Enqueue(server);
        }
    }

    public void Dispose()
    {
    }
}

internal sealed class PipeListener(NetEndpoint at, int backlog, SocketBuffers buffers) : IListener
{
    public Queue<PipeEnd> Pending { get; } = new();

    public SocketBuffers Buffers { get; } = buffers;

    public NetEndpoint LocalEndpoint { get; } = at;

    public int Backlog { get; } = backlog;

    public bool IsOpen { get; private set; } = true;

    public int PendingCount => Pending.Count;

    public IConnection? TryAccept() => IsOpen && Pending.TryDequeue(out var end) ? end : null;

    public void Close()
    {
        IsOpen = false;
        while (Pending.TryDequeue(out var end))
        {
            end.Reset();
        }
    }
}

/// <summary>Bytes on their way from one end to the other.</summary>
internal sealed class Pipe(int capacity)
{
    public List<byte> Bytes { get; } = [];

    public int Capacity { get; } = capacity;

    public bool Finished { get; set; }
}

internal sealed class PipeEnd(
    long id,
    NetEndpoint local,
    NetEndpoint remote,
    long createdAt,
    SocketBuffers buffers) : IConnection
{
    private long _written, _read, _lost;

    public SocketBuffers Buffers { get; } = buffers;

    public PipeEnd? Peer { get; private set; }

    public Pipe? Outgoing { get; private set; }

    public Pipe? Incoming { get; private set; }

    public long Id { get; } = id;

    public NetEndpoint LocalEndpoint { get; } = local;

    public NetEndpoint RemoteEndpoint { get; } = remote;

    public ConnectionState State { get; set; } = ConnectionState.Established;

    public long CreatedAtMicros { get; } = createdAt;

    public int Available => Incoming?.Bytes.Count ?? 0;

    public int WritableBytes => State == ConnectionState.Established && Outgoing is { } o ? o.Capacity - o.Bytes.Count
        : 0;

    public int QueuedOutbound => Outgoing?.Bytes.Count ?? 0;

    public bool SendShutdown { get; private set; }

    public bool PeerFinished => Incoming?.Finished == true;

    public ConnectionCounters Counters => new(_written, _read, _lost);

    public static void Join(PipeEnd client, PipeEnd server)
    {
        var up = new Pipe(client.Buffers.SendBytes + server.Buffers.ReceiveBytes);
        var down = new Pipe(server.Buffers.SendBytes + client.Buffers.ReceiveBytes);
        client.Peer = server;
        server.Peer = client;
        client.Outgoing = server.Incoming = up;
        server.Outgoing = client.Incoming = down;
        client.State = server.State = ConnectionState.Established;
    }

    public TransferResult Read(Span<byte> into)
    {
        if (State is ConnectionState.Closed or ConnectionState.Connecting or ConnectionState.Refused
            || Incoming is null)
        {
            return TransferResult.Failed(TransferOutcome.NotConnected);
        }

        if (Incoming.Bytes.Count > 0)
        {
            var n = Math.Min(into.Length, Incoming.Bytes.Count);
            for (var i = 0; i < n; i++)
            {
                into[i] = Incoming.Bytes[i];
            }

            Incoming.Bytes.RemoveRange(0, n);
            _read += n;
            return TransferResult.Moved(n);
        }

        if (State == ConnectionState.Reset)
        {
            return TransferResult.Failed(TransferOutcome.ConnectionReset);
        }

        return Incoming.Finished ? TransferResult.Failed(TransferOutcome.EndOfStream) : TransferResult.WouldBlock;
    }

    public TransferResult Write(ReadOnlySpan<byte> data)
    {
        if (State == ConnectionState.Reset)
        {
            return TransferResult.Failed(TransferOutcome.ConnectionReset);
        }

        if (State != ConnectionState.Established || SendShutdown || Outgoing is null)
        {
            return TransferResult.Failed(TransferOutcome.NotConnected);
        }

        if (Peer!.State == ConnectionState.Closed)
        {
            // Writing to a closed peer: the bytes leave, the peer answers with RST.
            _written += data.Length;
            _lost += data.Length;
            State = ConnectionState.Reset;
            return TransferResult.Moved(data.Length);
        }

        var n = Math.Min(data.Length, Outgoing.Capacity - Outgoing.Bytes.Count);
        if (n == 0)
        {
            return TransferResult.WouldBlock;
        }

        Outgoing.Bytes.AddRange(data[..n].ToArray());
        _written += n;
        return TransferResult.Moved(n);
    }

    public void Shutdown(ShutdownDirection direction)
    {
        if (direction != ShutdownDirection.Receive && Outgoing is not null)
        {
            SendShutdown = true;
            Outgoing.Finished = true;
        }
    }

    public void Close()
    {
        if (State is ConnectionState.Closed)
        {
            return;
        }

        if (Incoming is { Bytes.Count: > 0 })
        {
            Reset(); // Linux: closing with unread data sends RST
            return;
        }

        State = ConnectionState.Closed;
        if (Outgoing is not null)
        {
            Outgoing.Finished = true;
        }
    }

    public void Reset()
    {
        if (State is ConnectionState.Closed)
        {
            return;
        }

        State = ConnectionState.Closed;
        if (Outgoing is not null)
        {
            _lost += Outgoing.Bytes.Count;
            Outgoing.Bytes.Clear();
        }

        if (Incoming is not null && Peer is not null)
        {
            Peer._lost += Incoming.Bytes.Count;
            Incoming.Bytes.Clear();
        }

        if (Peer is { State: not ConnectionState.Closed })
        {
            Peer.State = ConnectionState.Reset;
        }
    }
}
