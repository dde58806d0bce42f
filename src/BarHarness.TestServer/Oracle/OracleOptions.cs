namespace BarHarness.TestServer.Oracle;

public sealed record OracleOptions
{
    public int ExpectedSchemaVersion { get; init; } = 1;

    public MessageFieldMap Fields { get; init; } = MessageFieldMap.Default;

    /// <summary>Elmos. The widget may round positions; float32 alone costs far less than this.</summary>
    public double PositionTolerance { get; init; } = 1.0;

    public double HealthTolerance { get; init; } = 1.0;

    /// <summary>A visible unit whose last export is older than this many frames is a <see cref="ViolationKind.StaleUnit"/>. 300 = 10 s of game.</summary>
    public int MaxStaleFrames { get; init; } = 300;

    /// <summary>Stop recording violations past this count (counters keep counting) so a broken stream cannot exhaust memory.</summary>
    public int MaxRecordedViolations { get; init; } = 10_000;
}
