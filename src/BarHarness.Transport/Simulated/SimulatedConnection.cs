namespace BarHarness.Transport.Simulated;

/// <summary>
/// One end of a simulated TCP connection. Bytes written go to this end's send buffer, are
/// transmitted while the peer's receive buffer has room (its window), arrive after the network's
/// latency, and free send space on arrival. Linux's choices are followed where TCP leaves room:
/// closing with unread input sends RST instead of FIN, data arriving at a closed end is answered
/// with RST, and input already received stays readable after an RST.
/// </summary>
internal sealed class SimulatedConnection(
    SimulatedNetwork network,
    long id,
    NetEndpoint local,
    NetEndpoint remote,
    SocketBuffers buffers,
    ConnectionState state) : IConnection
{
    private readonly SocketBuffers _buffers = buffers;
    private readonly ByteQueue _sendQueue = new();
    private readonly ByteQueue _receive = new();
    private SimulatedConnection? _peer;
    private int _outboundInFlight;
    private int _inboundInFlight;
    private bool _finSent;
    private bool _readShutdown;
    private bool _appClosed;
    private bool _rstSent;
    private long _written;
    private long _read;
    private long _lost;

    public long Id { get; } = id;

    public NetEndpoint LocalEndpoint { get; } = local;

    public NetEndpoint RemoteEndpoint { get; } = remote;

    public ConnectionState State { get; private set; } = state;

    public long CreatedAtMicros { get; } = network.Clock.NowMicros;

    public int Available => _appClosed || _readShutdown ? 0 : _receive.Count;

    public int WritableBytes => State == ConnectionState.Established && !SendShutdown
        ? Math.Max(0, _buffers.SendBytes - QueuedOutbound)
        : 0;

    public int QueuedOutbound => _sendQueue.Count + _outboundInFlight;

    public bool SendShutdown { get; private set; }

    public bool PeerFinished { get; private set; }

    public ConnectionCounters Counters => new(_written, _read, _lost);

    public static void Pair(SimulatedConnection client, SimulatedConnection server)
    {
        client._peer = server;
        server._peer = client;
        client.State = ConnectionState.Established;
    }

    public void Refuse() => State = ConnectionState.Refused;

    public TransferResult Read(Span<byte> into)
    {
        if (_appClosed)
        {
            return TransferResult.Failed(TransferOutcome.NotConnected);
        }

        if (_readShutdown)
        {
            return TransferResult.Failed(TransferOutcome.EndOfStream);
        }

        if (_receive.Count > 0 && into.Length > 0)
        {
            var n = _receive.Take(into);
            _read += n;
            var peer = _peer;
            // The window opened: the peer may transmit more once our window update reaches it.
            network.Schedule(network.Options.LatencyMicros, () => peer?.Transmit());
            return TransferResult.Moved(n);
        }

        return State switch
        {
            ConnectionState.Reset => TransferResult.Failed(TransferOutcome.ConnectionReset),
            ConnectionState.Refused => TransferResult.Failed(TransferOutcome.NotConnected),
            _ when PeerFinished => TransferResult.Failed(TransferOutcome.EndOfStream),
            _ => TransferResult.WouldBlock,
        };
    }

    public TransferResult Write(ReadOnlySpan<byte> data)
    {
        if (ConnectionGate.BeforeWrite(State, SendShutdown) is { } refused)
        {
            return refused;
        }

        // One write may fill the peer's receive buffer and our send buffer, as a loopback send() does.
        var total = 0;
        while (total < data.Length && State == ConnectionState.Established)
        {
            var room = _buffers.SendBytes - QueuedOutbound;
            if (room <= 0)
            {
                break;
            }

            var n = Math.Min(room, data.Length - total);
            _sendQueue.Append(data.Slice(total, n));
            _written += n;
            total += n;
            Transmit();
        }

        return total > 0 ? TransferResult.Moved(total) : TransferResult.WouldBlock;
    }

    public void Shutdown(ShutdownDirection direction)
    {
        if (direction is ShutdownDirection.Receive or ShutdownDirection.Both)
        {
            _readShutdown = true;
        }

        if (direction is ShutdownDirection.Send or ShutdownDirection.Both)
        {
            SendShutdown = true;
            Transmit();
        }
    }

    public void Close()
    {
        if (_appClosed)
        {
            return;
        }

        if (State == ConnectionState.Established && _receive.Count > 0)
        {
            Reset(); // Linux: closing with unread input aborts the connection
            return;
        }

        _appClosed = true;
        SendShutdown = true;
        if (State == ConnectionState.Established)
        {
            Transmit(); // an orphaned socket still delivers what was queued, then a FIN
        }

        State = ConnectionState.Closed;
    }

    public void Reset()
    {
        if (_appClosed && _rstSent)
        {
            return;
        }

        var wasConnected = State == ConnectionState.Established || (_appClosed && State == ConnectionState.Closed);
        _lost += _sendQueue.Clear();
        if (_peer is not null)
        {
            _peer._lost += _receive.Clear();
        }

        _appClosed = true;
        SendShutdown = true;
        State = ConnectionState.Closed;
        if (wasConnected)
        {
            SendRst();
        }
    }

    private void SendRst()
    {
        if (_rstSent || _peer is null)
        {
            return;
        }

        _rstSent = true;
        var peer = _peer;
        network.Schedule(network.Options.LatencyMicros, peer.RstArrived);
    }

    private void Transmit()
    {
        var peer = _peer;
        if (peer is null || _rstSent
            || State is ConnectionState.Reset or ConnectionState.Refused or ConnectionState.Connecting)
        {
            return;
        }

        // A closed peer still advertises a window; what it receives is answered with RST.
        var window = peer._appClosed
            ? _sendQueue.Count
            : peer._buffers.ReceiveBytes - peer._receive.Count - peer._inboundInFlight;
        var n = Math.Min(_sendQueue.Count, Math.Max(0, window));
        if (n > 0)
        {
            var segment = _sendQueue.Take(n);
            _outboundInFlight += n;
            peer._inboundInFlight += n;
            network.Schedule(network.Options.LatencyMicros, () => peer.SegmentArrived(this, segment));
        }

        if (SendShutdown && _sendQueue.Count == 0 && !_finSent)
        {
            _finSent = true;
            network.Schedule(network.Options.LatencyMicros, peer.FinArrived);
        }
    }

    private void SegmentArrived(SimulatedConnection sender, byte[] segment)
    {
        sender._outboundInFlight -= segment.Length;
        _inboundInFlight -= segment.Length;
        if (_appClosed || _readShutdown || State == ConnectionState.Reset)
        {
            sender._lost += segment.Length;
            if (_appClosed)
            {
                SendRst();
            }

            return;
        }

        _receive.Append(segment);
        sender.Transmit(); // send space freed: anything still queued may follow
    }

    private void FinArrived() => PeerFinished = true;

    private void RstArrived()
    {
        _lost += _sendQueue.Clear();
        _rstSent = true; // a reset connection never answers again
        if (!_appClosed)
        {
            State = ConnectionState.Reset;
        }
    }
}
