namespace BarHarness.TestServer.Oracle;

/// <summary>Running totals the oracle keeps; a snapshot of them is cheap to copy for live display.</summary>
public sealed class OracleStats
{
    private readonly Dictionary<string, long> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<ViolationKind, long> _violations = [];

    public long Connections { get; internal set; }

    public long Messages { get; internal set; }

    public long ValidMessages { get; internal set; }

    public long InvalidMessages { get; internal set; }

    public long BytesReceived { get; internal set; }

    /// <summary>Bytes of unfinished messages when a connection ended (the server's view of "lost
    /// mid-message").</summary>
    public long BytesLostMidMessage { get; internal set; }

    public long SeqGaps { get; internal set; }

    public long SeqGapsAcrossReconnect { get; internal set; }

    public long SeqGapsUndeclared { get; internal set; }

    /// <summary>Messages that carried <c>dropped</c> (SCHEMA §3.6).</summary>
    public long DropDeclarations { get; internal set; }

    /// <summary>Sum of <c>dropped</c> over all messages: how many messages the widget says it discarded.</summary>
    public long MessagesDeclaredDropped { get; internal set; }

    /// <summary>Messages whose frame lay outside the truth's history: accuracy, privacy and freshness were not
    /// checked.</summary>
    public long MessagesWithoutTruth { get; internal set; }

    public long UnitsInLastSnapshot { get; internal set; }

    public long? LastSeq { get; internal set; }

    public int? LastFrame { get; internal set; }

    /// <summary>Every freshness sample of the run.</summary>
    public FreshnessHistogram Freshness { get; } = new();

    /// <summary>
    /// The samples a freshness bound judges: those of messages inside the options' frame and visible-unit scope
    /// (<see cref="OracleOptions.FreshnessJudgedFromFrame"/>,
    /// <see cref="OracleOptions.FreshnessJudgedUpToVisibleUnits"/>);
    /// the same as <see cref="Freshness"/> when the scope is the whole run.
    /// </summary>
    public FreshnessHistogram JudgedFreshness { get; } = new();

    public IReadOnlyDictionary<string, long> MessagesByType => _byType;

    public IReadOnlyDictionary<ViolationKind, long> ViolationsByKind => _violations;

    public long TotalViolations => _violations.Values.Sum();

    internal void CountType(string type) => _byType[type] = _byType.GetValueOrDefault(type) + 1;

    internal void CountViolation(ViolationKind kind) => _violations[kind] = _violations.GetValueOrDefault(kind) + 1;
}
