using BarHarness.Scenarios.Running;
using Server = BarHarness.TestServer.Server.TestServer;

namespace BarHarness.Scenarios.Probes;

/// <summary>
/// The network from both ends: the widget's sockets, the test server's counters and faults, and the
/// stream oracle's judgement of every message. Judges <c>no_blocking_calls</c>, <c>reconnect_within</c>
/// and every <c>oracle.*</c> expectation, and gives the budget probe its per-frame network columns.
/// </summary>
/// <param name="streamExpected">
/// The stream checks apply even if the widget never makes a socket (the bundled widget streams by
/// design; a scenario that names its own widget and writes an oracle section asks for a stream).
/// </param>
public sealed partial class NetworkProbe(
    Server server, StreamOracle oracle, SocketObservations sockets, bool streamExpected, bool serverUpAtStart)
    : IProbe
{
    private readonly ReconnectTracker _reconnects = new();
    private readonly ServerAcceptLog _accepts = new();
    private readonly FaultWindowTracker _faults = new();

    public IReadOnlyCollection<string> Owns { get; } =
    [
        nameof(ScenarioResult.Network), nameof(ScenarioResult.NetworkTimeline), nameof(ScenarioResult.FaultWindows),
    ];

    // What the server, the oracle and the sockets measured, taken when the run ends (the server is
    // disposed with the simulation; the probe's figures outlive it).
    public IReadOnlyList<StreamViolation> Violations { get; private set; } = [];

    public OracleStats OracleStats => oracle.Stats;

    public string StreamHash { get; private set; } = string.Empty;

    /// <summary>Hash of the received bytes together with their virtual arrival times.</summary>
    public string TimedStreamHash { get; private set; } = string.Empty;

    public long BytesReceivedByServer { get; private set; }

    public long ConnectionsAccepted { get; private set; }

    public long BytesHandedToSend { get; private set; }

    /// <summary>The first blocking calls, with tracebacks (bounded); <see cref="BlockingCallCount"/> is all.</summary>
    public IReadOnlyList<BlockingCall> BlockingCalls { get; private set; } = [];

    public long BlockingCallCount { get; private set; }

    /// <summary>
    /// The widget side of the byte accounting the server checked; null when not checked (real network).
    /// </summary>
    public AccountingInput? Accounting { get; private set; }

    public IReadOnlyList<FaultWindow> FaultWindows => _faults.Windows;

    /// <summary>Which fault each bit of a frame's fault flags stands for.</summary>
    public IReadOnlyList<string> FaultNames => _faults.Names.ToList();

    /// <summary>The network from both ends, in order (set when the run ends).</summary>
    public NetworkTimeline Timeline { get; private set; } = NetworkTimeline.None;

    /// <summary>Whether the stream checks apply: the widget used the network, or a stream was asked of it.</summary>
    public bool StreamJudged => streamExpected || Timeline.WidgetUsedNetwork;

    public void OnFrame(in SimulationMoment now)
    {
        var counters = server.Counters;
        var active = server.ActiveFaults; // a fresh list each read: read once a frame
        var serverAvailable = server.IsListening && !active.Contains("down");
        _reconnects.Observe(now.GameSeconds, counters.ConnectionsAccepted, counters.OpenConnections, serverAvailable);
        _accepts.Observe(now.GameSeconds, counters.ConnectionsAccepted);
        _faults.Observe(now.GameSeconds, active);
    }

    /// <summary>After the last frame and Shutdown: the server read the last bytes; check the byte accounting.</summary>
    public void OnEnd(in SimulationMoment now)
    {
        LastGameSeconds = now.GameSeconds;
        if (sockets.Accounting() is { } accounting)
        {
            server.CheckAccounting(accounting);
            Accounting = accounting;
        }

        _faults.Close(now.GameSeconds);
        _accepts.Observe(now.GameSeconds, server.Counters.ConnectionsAccepted);
        Violations = oracle.Violations.ToList();
        StreamHash = server.Recording.StreamHash;
        TimedStreamHash = server.Recording.TimedStreamHash;
        BytesReceivedByServer = server.Counters.BytesRead;
        ConnectionsAccepted = server.Counters.ConnectionsAccepted;
        BytesHandedToSend = sockets.Statistics.BytesSent;
        BlockingCalls = sockets.Statistics.BlockingCalls.ToList();
        BlockingCallCount = sockets.Statistics.BlockingCallCount;
        Timeline = NetworkTimelineBuilder.Build(sockets.Timeline, _accepts, _faults.Windows, now.GameSeconds);
    }

    /// <summary>Bytes waiting in the send buffers of the widget's open sockets.</summary>
    internal int BytesQueuedToSend() => sockets.BytesQueuedToSend();

    /// <summary>
    /// Game seconds between <paramref name="frame"/> and the newest decoded message's stamp; NaN before one.
    /// </summary>
    internal double FreshnessSeconds(int frame) =>
        oracle.Stats.LastFrame is int newest ? (frame - newest) / 30.0 : double.NaN;

    internal long ActiveFaultFlags() => _faults.Flags(server.ActiveFaults);

    public void Judge(ExpectationSet expectations, ICollection<ExpectationResult> verdicts)
    {
        if (expectations.NoBlockingCalls)
        {
            var first = BlockingCalls.FirstOrDefault();
            verdicts.Add(new ExpectationResult(
                "no_blocking_calls",
                BlockingCallCount == 0,
                "no socket call with a timeout other than 0 and no socket.sleep (each freezes BAR)",
                first is null
                    ? "none"
                    : $"{BlockingCallCount}: first {first.Function} (timeout "
                        + $"{first.TimeoutSeconds?.ToString(CultureInfo.InvariantCulture) ?? "nil"})",
                first?.Traceback));
        }

        if (!StreamJudged)
        {
            return; // a widget that never streams has no stream to judge
        }

        if (expectations.ReconnectWithinSeconds is double bound)
        {
            verdicts.Add(ReconnectVerdict(bound, now: LastGameSeconds));
        }

        JudgeStream(expectations, verdicts);
    }

    public ScenarioResult Export(ScenarioResult result) => result with
    {
        Network = new NetworkSummary(
            BytesHandedToSend,
            BytesReceivedByServer,
            OracleStats.Messages,
            _reconnects.Reconnects,
            OracleStats.MessagesDeclaredDropped,
            Violations.Take(200)
                .Select(v => new OracleViolation(v.Kind.ToString(), v.Detail, v.AtMicros / 1e6)).ToList())
        {
            StreamSha256 = StreamHash,
            TimedStreamSha256 = TimedStreamHash,
        },
        NetworkTimeline = Timeline,
        FaultWindows = FaultWindows,
    };

    private double LastGameSeconds { get; set; }

    private ExpectationResult ReconnectVerdict(double bound, double now)
    {
        var unresolved = _reconnects.UnresolvedSince is double since && now - since > bound;
        var accepted = ConnectionsAccepted;
        return new ExpectationResult(
            "reconnect_within",
            _reconnects.MaxDelaySeconds <= bound && !unresolved && accepted > 0,
            $"reconnects within {bound} s after the server is back",
            unresolved
                ? $"server back at {_reconnects.UnresolvedSince:0.#} s, never reconnected"
                : $"{_reconnects.Reconnects} reconnects, slowest {_reconnects.MaxDelaySeconds:0.##} s "
                    + $"({accepted} connections)");
    }
}
