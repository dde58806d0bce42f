namespace BarHarness.Reports.Model;

/// <summary>What crossed the (simulated or real) network and what the stream oracle found.</summary>
/// <param name="BytesSent">Bytes the widget sent.</param>
/// <param name="BytesReceived">Bytes the widget received.</param>
/// <param name="Messages">Messages the server decoded.</param>
/// <param name="Reconnects">Reconnections the widget made.</param>
/// <param name="DropsDeclared">Messages the widget said it dropped (e.g. queue overflow counters).</param>
/// <param name="OracleViolations">Each oracle finding (silent loss, bad frame, privacy leak, stale data).</param>
public sealed record NetworkSummary(
    long BytesSent,
    long BytesReceived,
    long Messages,
    int Reconnects,
    long DropsDeclared,
    IReadOnlyList<OracleViolation> OracleViolations)
{
    public static NetworkSummary None { get; } = new(0, 0, 0, 0, 0, []);

    /// <summary>
    /// Lower-case hex SHA-256 of every byte the server received, in arrival order (equal seeds, equal bytes).
    /// </summary>
    public string StreamSha256 { get; init; } = string.Empty;

    /// <summary>
    /// SHA-256 of each received chunk with its connection and virtual arrival time (equal seeds, equal timing).
    /// </summary>
    public string TimedStreamSha256 { get; init; } = string.Empty;
}

/// <summary>One stream-oracle finding.</summary>
/// <param name="Rule">Which check, e.g. <c>no-silent-loss</c>.</param>
/// <param name="Message">What was wrong.</param>
/// <param name="GameSeconds">When, if known.</param>
public sealed record OracleViolation(string Rule, string Message, double? GameSeconds = null);
