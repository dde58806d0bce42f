namespace BarHarness.TestServer.Serve;

/// <summary>Where the widget's connection stands, for the live display.</summary>
public enum ServeConnectionState
{
    /// <summary>Listening, nobody connected yet (or since the last disconnect).</summary>
    Waiting,

    Connected,

    /// <summary>The listener is closed by a fault (down, restart): the widget's connects are refused.</summary>
    Refusing,
}

/// <summary>A copy of serve's live numbers, taken by <see cref="ServeSession.Snapshot"/>; the CLI renders it.</summary>
public sealed record ServeStatistics(
    TimeSpan Uptime,
    string Endpoint,
    ServeConnectionState State,
    long Connections,
    int OpenConnections,
    long Messages,
    long Bytes,
    double MessagesPerSecond,
    double BytesPerSecond,
    long UnitsInLastSnapshot,
    long SeqGaps,
    long UndeclaredSeqGaps,
    long InvalidMessages,
    long Violations,
    long? LastSeq,
    int? LastFrame,
    IReadOnlyDictionary<string, long> MessagesByType,
    IReadOnlyDictionary<ViolationKind, long> ViolationsByKind,
    IReadOnlyList<StreamViolation> RecentViolations,
    IReadOnlyList<string> ActiveFaults,
    long RecordedLines);
