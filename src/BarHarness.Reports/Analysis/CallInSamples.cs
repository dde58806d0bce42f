namespace BarHarness.Reports.Analysis;

/// <summary>
/// Every call of one call-in during a scenario: real µs and deterministic cost per call, same order.
/// </summary>
public sealed record CallInSamples(string CallIn, IReadOnlyList<double> RealMicros, IReadOnlyList<double> Cost)
{
    /// <summary>Widget CPU µs per call, same order (empty when not measured).</summary>
    public IReadOnlyList<double> CpuMicros { get; init; } = [];
}
