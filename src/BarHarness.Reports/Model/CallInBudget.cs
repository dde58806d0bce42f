namespace BarHarness.Reports.Model;

/// <summary>Time the widget spent in one call-in (e.g. <c>GameFrame</c>, <c>UnitCreated</c>), per call.</summary>
/// <param name="CallIn">Call-in name.</param>
/// <param name="Calls">How many times it was called.</param>
/// <param name="RealMicros">Real µs per call.</param>
/// <param name="Cost">Deterministic cost per call.</param>
public sealed record CallInBudget(string CallIn, long Calls, Distribution RealMicros, Distribution Cost);
