namespace BarHarness.TestServer.Server;

/// <summary>
/// The widget's peer. Each <see cref="Step"/> (once per simulation tick, after the transport was
/// pumped to the clock's time) it starts and ends scheduled faults, accepts, reads within what the
/// faults allow, delivers bytes whose (faulted) arrival time has come to the recording, the frame
/// decoder and the oracle, writes what faults want written, and carries out closes. Given the same
/// transport behaviour, clock, schedule and seed it does exactly the same things.
/// </summary>
public sealed class TestServer : IDisposable
{
    private readonly ITransport _transport;
    private readonly TestServerOptions _options;
    private readonly SeededRandom _faultRandom;
    private readonly List<ServerConnection> _connections = [];
    private readonly List<FaultActivation> _active = [];
    private readonly HashSet<int> _started = [];
    private readonly byte[] _readBuffer;
    private readonly List<FrameEvent> _frameEvents = [];
    private IListener? _listener;
    private NetEndpoint _endpoint;
    private bool _running;
    private FaultActivation? _currentActivation;
    private long _accepted, _bytesRead, _bytesWritten, _closedByServer, _resetByServer, _peerFin, _peerReset;
    private long _listenerClosures, _connectedMicros;

    public TestServer(
        ITransport transport,
        SeededRandom random,
        TestServerOptions? options = null,
        FaultSchedule? schedule = null,
        StreamOracle? oracle = null)
    {
        _transport = transport;
        _options = options ?? new TestServerOptions();
        _faultRandom = random.Fork("test-server/faults");
        _readBuffer = new byte[Math.Max(1, _options.ReadChunkBytes)];
        _endpoint = _options.Endpoint;
        Schedule = schedule ?? new FaultSchedule();
        Oracle = oracle ?? new StreamOracle();
        Recording = new StreamRecording(_options.RecordChunks);
    }

    /// <summary>Raised for every decoder event (message or rejected bytes) with its connection and arrival time, after
    /// the oracle saw it.</summary>
    public event Action<long, FrameEvent, long>? FrameObserved;

    /// <summary>A connection was accepted (its id, virtual µs).</summary>
    public event Action<long, long>? ConnectionAccepted;

    /// <summary>Bytes in, after faults shaped them (connection, bytes, arrival µs), what a proxy forwards.</summary>
    public event Action<long, byte[], long>? BytesArrived;

    /// <summary>A connection is over: its socket is closed or dead and every byte it carried has arrived.</summary>
    public event Action<long>? ConnectionEnded;

    /// <summary>
    /// Bytes the server may read from a connection now besides what faults allow (a proxy whose
    /// consumer reads slowly holds the widget back); null = no limit.
    /// </summary>
    public Func<long, long>? ReadRoom { get; set; }

    public FaultSchedule Schedule { get; }

    public StreamOracle Oracle { get; }

    public StreamRecording Recording { get; }

    /// <summary>The endpoint actually listened on (the real port when the options asked for port 0).</summary>
    public NetEndpoint Endpoint => _endpoint;

    public bool IsListening => _listener?.IsOpen == true;

    /// <summary>Names of the faults active after the last step, in schedule order.</summary>
    public IReadOnlyList<string> ActiveFaults => _active.Select(a => a.Entry.Fault.Name).ToArray();

    public TestServerCounters Counters => new(
        _accepted,
        _connections.Count(c => !c.SocketDone),
        _bytesRead,
        _bytesWritten,
        _closedByServer,
        _resetByServer,
        _peerFin,
        _peerReset,
        _listenerClosures,
        _connectedMicros + OpenConnectionsMicros(),
        IsListening);

    /// <summary>Microseconds the still-open connections have been connected so far.</summary>
    private long OpenConnectionsMicros() =>
        _connections.Where(c => !c.SocketDone).Sum(c => _transport.Clock.NowMicros - c.AcceptedAtMicros);


    public void Start()
    {
        _running = true;
        OpenListener();
    }

    /// <summary>
    /// Starts a fault now (a keystroke in <c>serve</c>, a test); null duration = the fault's natural one.
    /// Returns its schedule index.
    /// </summary>
    public int Inject(Fault fault, long? durationMicros = null)
    {
        var now = _transport.Clock.NowMicros;
        var end = durationMicros is { } d ? (d >= long.MaxValue - now ? long.MaxValue : now + d) : (long?)null;
        return Schedule.Add(new ScheduledFault(fault, now, end));
    }

    /// <summary>Ends one scheduled fault now (a removed toxic); the others go on.</summary>
    public void EndFault(int scheduleIndex)
    {
        var entry = Schedule.Entries[scheduleIndex];
        _started.Add(scheduleIndex);
        _active.RemoveAll(a => ReferenceEquals(a.Entry, entry));
    }

    /// <summary>Queues bytes for a connection (a proxy's downstream); faults shape them as their own writes.</summary>
    public void Send(long connectionId, byte[] bytes)
    {
        if (_connections.Find(c => c.Id == connectionId) is { SocketDone: false } connection)
        {
            connection.ToSend.Add(bytes);
        }
    }

    /// <summary>Bytes queued for a connection and not yet handed to its socket.</summary>
    public long PendingSendBytes(long connectionId) =>
        _connections.Find(c => c.Id == connectionId) is { } c
            ? c.ToSend.Sum(b => (long)b.Length) + c.Outgoing.Sum(w => (long)(w.Bytes.Length - w.Offset))
            : 0;

    /// <summary>Closes a connection once what was queued for it is written (graceful), or at once (reset).</summary>
    public void CloseConnection(long connectionId, bool reset)
    {
        if (_connections.Find(c => c.Id == connectionId) is { SocketDone: false } connection)
        {
            if (reset)
            {
                connection.ScheduleClose(CloseKind.Reset, _transport.Clock.NowMicros);
            }
            else
            {
                connection.CloseWhenFlushed = true;
            }
        }
    }

    /// <summary>Ends every active fault now (the "all clear" key).</summary>
    public void ClearFaults()
    {
        _active.Clear();
        for (var i = 0; i < Schedule.Entries.Count; i++)
        {
            _started.Add(i);
        }
    }

    public void Step(int gameFrame = 0)
    {
        if (!_running)
        {
            return;
        }

        var now = _transport.Clock.NowMicros;
        UpdateActivations(now, gameFrame);
        Accept(now);
        var levers = _connections.Where(c => !c.SocketDone).ToDictionary(c => c.Id, c => NewLever(c));
        var listenerLever = new ListenerLever();
        ApplyFaults(now, levers, listenerLever);
        SteerListener(listenerLever);
        foreach (var connection in _connections.ToArray())
        {
            var lever = levers.GetValueOrDefault(connection.Id);
            Service(connection, lever, now);
        }

        _connections.RemoveAll(c => c.SocketDone && c.InTransit.Count == 0 && FinishDecoding(c, now));
    }

    /// <summary>Closes everything and flushes every decoder (bytes in unfinished frames count as lost
    /// mid-message).</summary>
    public void Stop()
    {
        var now = _transport.Clock.NowMicros;
        _running = false;
        _listener?.Close();
        foreach (var connection in _connections)
        {
            if (!connection.SocketDone)
            {
                Oracle.ServerClosing(connection.Id);
                connection.Socket.Close();
                MarkDone(connection, now);
            }

            while (connection.InTransit.TryDequeue(out var chunk))
            {
                Deliver(connection, chunk with { ArrivalMicros = Math.Min(chunk.ArrivalMicros, now) });
            }

            FinishDecoding(connection, now);
        }

        _connections.Clear();
    }

    /// <summary>Accounting check at the end of a run: the widget's send totals against what the server read.</summary>
    public void CheckAccounting(AccountingInput widgetSide)
    {
        // Bytes the server's kernel holds and the server has not read yet are still in flight.
        var unread = _connections.Where(c => !c.SocketDone).Sum(c => (long)c.Socket.Available);
        Oracle.CheckAccounting(
            widgetSide with { BytesInFlight = widgetSide.BytesInFlight + unread },
            _bytesRead,
            _transport.Clock.NowMicros);
    }

    public void Dispose()
    {
        if (_running)
        {
            Stop();
        }

        Recording.Dispose();
    }

    private void UpdateActivations(long now, int gameFrame)
    {
        _active.RemoveAll(a => a.AppliedOnce && a.Entry.HasEnded(now, gameFrame, a.SinceMicros));
        for (var i = 0; i < Schedule.Entries.Count; i++)
        {
            var entry = Schedule.Entries[i];
            if (!_started.Contains(i) && entry.HasStarted(now, gameFrame))
            {
                _started.Add(i);
                _active.Add(new FaultActivation(entry, now, _faultRandom.Fork($"{i}/{entry.Fault.Name}")));
            }
        }
    }

    private void Accept(long now)
    {
        while (_listener is { IsOpen: true } listener && listener.TryAccept() is { } socket)
        {
            var connection = new ServerConnection(
                socket,
                FrameDecoderFactory.Create(_options.Framing, _options.Limits),
                now)
            {
                LastArrivalMicros = now,
            };
            _connections.Add(connection);
            _accepted++;
            Oracle.ConnectionOpened(connection.Id, now);
            ConnectionAccepted?.Invoke(connection.Id, now);
        }
    }

    private ConnectionLever NewLever(ServerConnection c) =>
        new(
            c.Id,
            c.AcceptedAtMicros,
            c.BytesRead,
            c.BytesWritten,
            c.PeerFinished,
            type => _currentActivation!.State(c.Id, type));

    private void ApplyFaults(long now, Dictionary<long, ConnectionLever> levers, ListenerLever listenerLever)
    {
        foreach (var activation in _active)
        {
            var touched = levers.Values.Where(l => activation.Touches(l.Id)).ToArray();
            var listener = activation.TouchesListener() ? listenerLever : null;
            _currentActivation = activation;
            activation.Entry.Fault.Apply(new FaultContext(
                now,
                activation.SinceMicros,
                activation.Random,
                touched,
                listener));
            activation.AppliedOnce = true;
        }

        _currentActivation = null;
    }

    private void SteerListener(ListenerLever lever)
    {
        if (lever.RefuseRequested && _listener is { IsOpen: true })
        {
            _listener.Close();
            _listenerClosures++;
        }
        else if (!lever.RefuseRequested && _listener is not { IsOpen: true })
        {
            try
            {
                OpenListener();
            }
            catch (TransportException)
            {
                // The port is not free again yet (a real socket's TIME_WAIT): try again next step.
            }
        }
    }

    private void OpenListener()
    {
        _listener = _transport.Listen(_endpoint, _options.Backlog, _options.Buffers);
        _endpoint = _listener.LocalEndpoint;
    }

    private void Service(ServerConnection c, ConnectionLever? lever, long now)
    {
        if (!c.SocketDone)
        {
            Read(c, lever, now);
        }

        while (c.InTransit.TryPeek(out var chunk) && chunk.ArrivalMicros <= now)
        {
            Deliver(c, c.InTransit.Dequeue());
        }

        if (c.SocketDone)
        {
            return;
        }

        foreach (var bytes in c.ToSend)
        {
            c.Outgoing.Enqueue(new PendingWrite(now + (lever?.WriteDelayMicros ?? 0), bytes));
        }

        c.ToSend.Clear();
        if (lever is not null)
        {
            foreach (var bytes in lever.Writes)
            {
                c.Outgoing.Enqueue(new PendingWrite(now + lever.WriteDelayMicros, bytes));
            }

            c.ScheduleClose(lever.CloseRequested, now + lever.CloseDelayMicros);
        }

        Write(c, lever?.WriteBudget ?? long.MaxValue, now);
        if ((c.PeerFinished || (c.CloseWhenFlushed && c.Outgoing.Count == 0)) && c.PendingClose == CloseKind.None)
        {
            // The widget closed: answer with our own close, late if slow_close says so.
            c.ScheduleClose(CloseKind.Graceful, now + (lever?.CloseDelayMicros ?? 0));
        }

        if (c.PendingClose != CloseKind.None && c.PendingCloseAtMicros <= now)
        {
            CloseSocket(c, now);
        }
    }

    private void Read(ServerConnection c, ConnectionLever? lever, long now)
    {
        var budget = Math.Min(lever?.ReadBudget ?? long.MaxValue, ReadRoom?.Invoke(c.Id) ?? long.MaxValue);
        var chunkLimit = Math.Min(_readBuffer.Length, lever?.ReadChunk ?? int.MaxValue);
        var arrival = Math.Max(c.LastArrivalMicros, now + (lever?.ArrivalDelayMicros ?? 0));
        while (budget > 0)
        {
            var want = (int)Math.Min(budget, chunkLimit);
            var result = c.Socket.Read(_readBuffer.AsSpan(0, want));
            switch (result.Outcome)
            {
                case TransferOutcome.Transferred:
                    budget -= result.Bytes;
                    c.BytesRead += result.Bytes;
                    _bytesRead += result.Bytes;
                    c.InTransit.Enqueue(new ReceivedChunk(
                        c.Id,
                        arrival,
                        _readBuffer.AsSpan(0, result.Bytes).ToArray()));
                    c.LastArrivalMicros = arrival;
                    continue;
                case TransferOutcome.EndOfStream:
                    if (!c.PeerFinished)
                    {
                        c.PeerFinished = true;
                        _peerFin++;
                    }

                    return;
                case TransferOutcome.ConnectionReset:
                    _peerReset++;
                    c.Socket.Close();
                    MarkDone(c, now);
                    return;
                case TransferOutcome.NotConnected:
                    MarkDone(c, now);
                    return;
                default:
                    return;
            }
        }
    }

    private void Write(ServerConnection c, long budget, long now)
    {
        while (budget > 0 && c.Outgoing.TryPeek(out var item) && item.ReleaseAtMicros <= now)
        {
            var length = (int)Math.Min(budget, item.Bytes.Length - item.Offset);
            var result = c.Socket.Write(item.Bytes.AsSpan(item.Offset, length));
            if (result.Outcome != TransferOutcome.Transferred)
            {
                return;
            }

            budget -= result.Bytes;
            c.BytesWritten += result.Bytes;
            _bytesWritten += result.Bytes;
            item.Offset += result.Bytes;
            if (item.Offset < item.Bytes.Length)
            {
                return; // the send buffer is full: the rest waits for the next step
            }

            c.Outgoing.Dequeue();
        }
    }

    private void CloseSocket(ServerConnection c, long now)
    {
        Oracle.ServerClosing(c.Id);
        if (c.PendingClose == CloseKind.Reset)
        {
            c.Socket.Reset();
            _resetByServer++;
        }
        else
        {
            c.Socket.Close();
            _closedByServer++;
        }

        MarkDone(c, now);
    }

    private void MarkDone(ServerConnection c, long now)
    {
        if (c.SocketDone)
        {
            return;
        }

        c.SocketDone = true;
        c.SocketDoneAtMicros = now;
        c.PendingClose = CloseKind.None;
        _connectedMicros += now - c.AcceptedAtMicros;
    }

    private void Deliver(ServerConnection c, ReceivedChunk chunk)
    {
        Recording.Add(chunk);
        BytesArrived?.Invoke(c.Id, chunk.Bytes, chunk.ArrivalMicros);
        _frameEvents.Clear();
        c.Decoder.Feed(chunk.Bytes, _frameEvents);
        foreach (var frameEvent in _frameEvents)
        {
            Oracle.Observe(c.Id, frameEvent, chunk.ArrivalMicros);
            FrameObserved?.Invoke(c.Id, frameEvent, chunk.ArrivalMicros);
        }
    }

    /// <summary>Flushes the decoder into the oracle; always true so it can sit in the removal predicate.</summary>
    private bool FinishDecoding(ServerConnection c, long now)
    {
        _frameEvents.Clear();
        c.Decoder.Finish(_frameEvents);
        foreach (var frameEvent in _frameEvents)
        {
            Oracle.Observe(c.Id, frameEvent, now);
            FrameObserved?.Invoke(c.Id, frameEvent, now);
        }

        Oracle.ConnectionClosed(c.Id, now);
        ConnectionEnded?.Invoke(c.Id);
        return true;
    }
}
