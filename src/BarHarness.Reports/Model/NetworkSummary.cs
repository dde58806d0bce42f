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
}

/// <summary>One stream-oracle finding.</summary>
/// <param name="Rule">Which check, e.g. <c>no-silent-loss</c>.</param>
/// <param name="Message">What was wrong.</param>
/// <param name="GameSeconds">When, if known.</param>
public sealed record OracleViolation(string Rule, string Message, double? GameSeconds = null);
