namespace BarHarness.TestServer.Oracle;

/// <summary>
/// Judges the widget's stream message by message against the numbered rules of widget/SCHEMA.md
/// (<see cref="SchemaRules"/>): framing, JSON, the fields of every message, frame and sequence order on
/// and across connections, hello and snapshot first on every connection, declared drops and the
/// resync snapshot, and (with an <see cref="ITruthSource"/>) frame stamps, privacy, accuracy, freshness
/// and coverage. Without truth it checks everything a recorded stream alone can show. Never throws on any input.
/// </summary>
public sealed class StreamOracle
{
    private readonly OracleOptions _options;
    private readonly MessageEnvelopeReader _envelope;
    private readonly GroundTruthChecker? _truth;
    private readonly ITruthSource? _world;
    private readonly MessageShapeChecker _shapes = new();
    private readonly Dictionary<long, ConnectionView> _connections = [];
    private readonly List<StreamViolation> _violations = [];
    private long? _lastSeq;
    private bool _awaitingResync;

    public StreamOracle(OracleOptions? options = null, ITruthSource? truth = null)
    {
        _options = options ?? new OracleOptions();
        _envelope = new MessageEnvelopeReader(_options);
        _world = truth;
        _truth = truth is null ? null : new GroundTruthChecker(truth, _options, Stats);
    }

    /// <summary>Raised for every violation as it is found (live display in <c>serve</c>).</summary>
    public event Action<StreamViolation>? ViolationFound;

    public OracleStats Stats { get; } = new();

    public IReadOnlyList<StreamViolation> Violations => _violations;

    public void ConnectionOpened(long connectionId, long atMicros)
    {
        _connections[connectionId] = new ConnectionView();
        Stats.Connections++;
        _truth?.ConnectionStarted();
    }

    /// <summary>Feeds one decoder event that arrived at <paramref name="atMicros"/>.</summary>
    public void Observe(long connectionId, FrameEvent frameEvent, long atMicros)
    {
        var connection = View(connectionId, atMicros);
        switch (frameEvent)
        {
            case FrameDecoded decoded:
                Stats.Messages++;
                Stats.BytesReceived += decoded.Payload.Length;
                CheckMessage(connectionId, connection, decoded.Payload, atMicros);
                break;
            case FrameRejected { Fault: FrameFault.Truncated } truncated:
                Stats.BytesLostMidMessage += truncated.ByteCount;
                if (!connection.ClosedByServer)
                {
                    // The server did not cut this connection: the widget itself stopped mid-message.
                    Add(new StreamViolation(
                        ViolationKind.TruncatedMessage,
                        connectionId,
                        atMicros,
                        $"the widget ended the connection inside a message: {truncated.Detail}"));
                }

                break;
            case FrameRejected rejected:
                Stats.Messages++;
                Stats.InvalidMessages++;
                Add(new StreamViolation(
                    ViolationKind.BadFraming,
                    connectionId,
                    atMicros,
                    $"{rejected.Fault} at byte {rejected.StreamOffset}: {rejected.Detail}"));
                break;
        }
    }

    /// <summary>The server itself closed or reset this connection (a fault): a message cut short is explained, not the
    /// widget's fault.</summary>
    public void ServerClosing(long connectionId) => View(connectionId, 0).ClosedByServer = true;

    /// <summary>A close of a connection never opened still counts it as a connection.</summary>
    public void ConnectionClosed(long connectionId, long atMicros) => View(connectionId, atMicros);

    /// <summary>Bytes handed to send must equal bytes received + bytes lost at resets + bytes still in
    /// flight.</summary>
    public void CheckAccounting(AccountingInput input, long bytesReceivedByServer, long atMicros)
    {
        var explained = bytesReceivedByServer + input.BytesLostAtReset + input.BytesInFlight;
        if (explained != input.BytesHandedToSend)
        {
            Add(
                new StreamViolation(
                    ViolationKind.Accounting,
                    -1,
                    atMicros,
                    $"widget handed {input.BytesHandedToSend} bytes to send; server received {bytesReceivedByServer}, "
                        + $"lost at reset {input.BytesLostAtReset}, in flight {input.BytesInFlight}: "
                        + $"{input.BytesHandedToSend - explained:+#;-#;0} unexplained"));
        }
    }

    /// <summary>A message that is not JSON at all: %q-escaped Lua output is named as such.</summary>
    private void Unparsable(long connectionId, byte[] payload, long atMicros, string problem)
    {
        Stats.InvalidMessages++;
        var kind = PercentQDetector.LooksPercentQEscaped(payload)
            ? ViolationKind.PercentQEscape
            : ViolationKind.InvalidJson;
        Add(new StreamViolation(kind, connectionId, atMicros, problem + Preview(payload)));
    }

    private void CheckMessage(long connectionId, ConnectionView connection, byte[] payload, long atMicros)
    {
        if (!System.Text.Unicode.Utf8.IsValid(payload))
        {
            // System.Text.Json does not check the bytes inside strings; the widget's consumers will.
            Unparsable(connectionId, payload, atMicros, "not valid UTF-8: ");
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException ex)
        {
            Unparsable(connectionId, payload, atMicros, $"{ex.Message} in: ");
            return;
        }

        using (document)
        {
            var parsed = _envelope.Read(
                document.RootElement,
                (kind, detail, seq, frame) =>
                    Add(new StreamViolation(kind, connectionId, atMicros, detail, seq, frame)));
            if (parsed is null)
            {
                Stats.InvalidMessages++;
                return;
            }

            Stats.ValidMessages++;
            Stats.CountType(parsed.Type);
            Stats.LastFrame = parsed.Frame;
            if (parsed.Dropped is { } dropped)
            {
                Stats.DropDeclarations++;
                Stats.MessagesDeclaredDropped += dropped;
            }

            if (ReferenceEquals(_options.Fields, MessageFieldMap.Default))
            {
                _shapes.Check(
                    parsed.Root,
                    parsed.Type,
                    (kind, detail, rule) =>
                        Add(
                            new StreamViolation(
                                kind,
                                connectionId,
                                atMicros,
                                detail,
                                parsed.Seq,
                                parsed.Frame,
                                Rule: rule)));
            }

            var firstOnConnection = !connection.SawMessage;
            connection.SawMessage = true;
            CheckHelloFirst(connectionId, firstOnConnection, parsed, atMicros);
            CheckSnapshotFirst(connectionId, connection, firstOnConnection, parsed, atMicros);
            CheckFrameOrder(connectionId, connection, parsed, atMicros);
            CheckStamp(connectionId, parsed, atMicros);
            CheckGameFrame(connectionId, parsed, atMicros);
            CheckResyncAfterDrop(connectionId, parsed, atMicros);
            CheckSeq(connectionId, firstOnConnection, parsed, atMicros);
            if (parsed.Type == MessageTypes.Snapshot)
            {
                Stats.UnitsInLastSnapshot = ExportedUnit.ReadAll(parsed.Root, _options.Fields).LongCount();
            }

            var pictureComplete = connection.HasSnapshot && !_awaitingResync;
            _truth?.Check(
                parsed,
                pictureComplete,
                (kind, detail, unitId) =>
                    Add(new StreamViolation(kind, connectionId, atMicros, detail, parsed.Seq, parsed.Frame, unitId)));
        }
    }

    /// <summary>SCHEMA §4.1: hello is the first message of every connection, and only the first.</summary>
    private void CheckHelloFirst(long connectionId, bool first, ParsedMessage message, long atMicros)
    {
        if (first && message.Type != MessageTypes.Hello)
        {
            Add(new StreamViolation(
                ViolationKind.MessageOrder,
                connectionId,
                atMicros,
                $"the connection starts with \"{message.Type}\", not hello",
                message.Seq,
                message.Frame));
        }
        else if (!first && message.Type == MessageTypes.Hello)
        {
            Add(new StreamViolation(
                ViolationKind.MessageOrder,
                connectionId,
                atMicros,
                "a second hello on one connection",
                message.Seq,
                message.Frame));
        }
    }

    /// <summary>SCHEMA §3.2: frame never goes backwards on a connection.</summary>
    private void CheckFrameOrder(long connectionId, ConnectionView connection, ParsedMessage message, long atMicros)
    {
        if (connection.LastFrame is { } last && message.Frame < last)
        {
            Add(new StreamViolation(
                ViolationKind.FrameRegression,
                connectionId,
                atMicros,
                $"frame went backwards: {message.Frame} after {last}",
                message.Seq,
                message.Frame));
        }

        connection.LastFrame = message.Frame;
    }

    /// <summary>
    /// SCHEMA §3.3: a message names the frame it was built at: never ahead of the game. How old it is on
    /// arrival is not the widget's doing (a slow reader or a stalled network holds what the widget already
    /// handed to its socket); messages older than the kept truth are counted, not judged for §7 and §8
    /// (<see cref="OracleStats.MessagesWithoutTruth"/>). An old stamp on a fresh snapshot shows in §6.3.
    /// </summary>
    private void CheckStamp(long connectionId, ParsedMessage message, long atMicros)
    {
        if (_world?.LatestFrame is { } now && message.Frame > now)
        {
            Add(new StreamViolation(
                ViolationKind.StampOutOfWindow,
                connectionId,
                atMicros,
                $"frame {message.Frame} is ahead of the game (frame {now})",
                message.Seq,
                message.Frame));
        }
    }

    /// <summary>SCHEMA §6.3: the game object is read when the message is built, so its frame is the
    /// message's.</summary>
    private void CheckGameFrame(long connectionId, ParsedMessage message, long atMicros)
    {
        if (
            message.Root.TryGetProperty("game", out var game)
            && game.ValueKind == JsonValueKind.Object
            && game.TryGetProperty("frame", out var frame)
            && frame.ValueKind == JsonValueKind.Number
            && frame.TryGetInt64(out var gameFrame)
            && gameFrame != message.Frame)
        {
            Add(
                new StreamViolation(
                    ViolationKind.BadFieldValue,
                    connectionId,
                    atMicros,
                    $"game.frame {gameFrame} differs from the message's frame {message.Frame}: "
                        + "one of them is not the frame the message was built at",
                    message.Seq,
                    message.Frame,
                    Rule: SchemaRules.Game.Id));
        }
    }

    /// <summary>SCHEMA §4.2: after hello, the first message of a connection is a snapshot.</summary>
    private void CheckSnapshotFirst(
        long connectionId, ConnectionView connection, bool firstOnConnection, ParsedMessage message, long atMicros)
    {
        if (connection.HasSnapshot)
        {
            return;
        }

        if (message.Type == MessageTypes.Snapshot)
        {
            connection.HasSnapshot = true;
            return;
        }

        if (message.Type == MessageTypes.Hello && firstOnConnection)
        {
            return;
        }

        if (!connection.ReportedMissingSnapshot)
        {
            connection.ReportedMissingSnapshot = true;
            Add(
                new StreamViolation(
                    ViolationKind.MissingSnapshotAfterReconnect,
                    connectionId,
                    atMicros,
                    $"\"{message.Type}\" before any snapshot on connection #{Stats.Connections}",
                    message.Seq,
                    message.Frame));
        }
    }

    /// <summary>SCHEMA §3.7: after a message that carries "dropped", the next unit message is a snapshot.</summary>
    private void CheckResyncAfterDrop(long connectionId, ParsedMessage message, long atMicros)
    {
        if (message.Type == MessageTypes.Snapshot)
        {
            _awaitingResync = false;
        }
        else if (message.Type == MessageTypes.Delta && _awaitingResync)
        {
            _awaitingResync = false;
            Add(new StreamViolation(
                ViolationKind.MissingSnapshotAfterDrop,
                connectionId,
                atMicros,
                "delta after declared drops, before the resync snapshot",
                message.Seq,
                message.Frame));
        }

        if (message.Dropped is > 0 && message.Type != MessageTypes.Snapshot)
        {
            _awaitingResync = true;
        }
    }

    private void CheckSeq(long connectionId, bool firstOnConnection, ParsedMessage message, long atMicros)
    {
        var previous = _lastSeq;
        _lastSeq = message.Seq;
        Stats.LastSeq = message.Seq;
        if (previous is not { } last)
        {
            return;
        }

        var gap = SeqSpace.ForwardDistance(SeqSpace.Next(last), message.Seq);
        if (gap == 0)
        {
            return;
        }

        if (firstOnConnection)
        {
            // SCHEMA §3.5: across a reconnect seq moves forward (messages cut with the old connection), or a
            // restarted widget starts again at 0.
            if (SeqSpace.IsBackwards(gap) && message.Seq != 0)
            {
                Add(new StreamViolation(
                    ViolationKind.SeqRegression,
                    connectionId,
                    atMicros,
                    $"a new connection went back from seq {last} to {message.Seq}",
                    message.Seq,
                    message.Frame,
                    Rule: SchemaRules.SeqAcrossConnections.Id));
                return;
            }

            Stats.SeqGaps++;
            Stats.SeqGapsAcrossReconnect++;
            return;
        }

        if (SeqSpace.IsBackwards(gap))
        {
            Add(new StreamViolation(
                ViolationKind.SeqRegression,
                connectionId,
                atMicros,
                $"seq {message.Seq} after {last}",
                message.Seq,
                message.Frame));
            return;
        }

        // SCHEMA §3.4: a discarded message never received a seq, so on one connection there is no legitimate gap;
        // "dropped" declares discards, it does not excuse a gap.
        Stats.SeqGaps++;
        Stats.SeqGapsUndeclared++;
        var declared = message.Dropped is { } d
            ? $"declared {d} dropped, but discarded messages never get a seq"
            : $"no \"{_options.Fields.Dropped}\" field";
        Add(
            new StreamViolation(
                ViolationKind.UndeclaredSeqGap,
                connectionId,
                atMicros,
                $"seq jumped from {last} to {message.Seq} ({gap} missing), {declared}",
                message.Seq,
                message.Frame));
    }

    private ConnectionView View(long connectionId, long atMicros)
    {
        if (!_connections.TryGetValue(connectionId, out var view))
        {
            ConnectionOpened(connectionId, atMicros);
            view = _connections[connectionId];
        }

        return view;
    }

    private void Add(StreamViolation violation)
    {
        Stats.CountViolation(violation.Kind);
        if (_violations.Count >= _options.MaxRecordedViolations)
        {
            return;
        }

        _violations.Add(violation);
        ViolationFound?.Invoke(violation);
    }

    private static string Preview(byte[] payload)
    {
        const int max = 80;
        var text = System.Text.Encoding.UTF8.GetString(payload, 0, Math.Min(payload.Length, max));
        return payload.Length > max ? text + "…" : text;
    }

    private sealed class ConnectionView
    {
        public bool ClosedByServer { get; set; }

        public bool HasSnapshot { get; set; }

        public bool ReportedMissingSnapshot { get; set; }

        public bool SawMessage { get; set; }

        public int? LastFrame { get; set; }

    }
}
