namespace BarHarness.Reports.Model;

/// <summary>Time the widget spent in one call-in (e.g. <c>GameFrame</c>, <c>UnitCreated</c>), per call.</summary>
/// <param name="CallIn">Call-in name.</param>
/// <param name="Calls">How many times it was called.</param>
/// <param name="RealMicros">Real µs per call.</param>
/// <param name="Cost">Deterministic cost per call.</param>
public sealed record CallInBudget(string CallIn, long Calls, Distribution RealMicros, Distribution Cost)
{
    /// <summary>Widget CPU µs per call (thread CPU time less the instruments' share).</summary>
    public Distribution CpuMicros { get; init; } = Distribution.Empty;
}
