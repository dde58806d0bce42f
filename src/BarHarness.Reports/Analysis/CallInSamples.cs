namespace BarHarness.Reports.Analysis;

/// <summary>Every call of one call-in during a scenario: real µs and deterministic cost per call, same order.</summary>
public sealed record CallInSamples(string CallIn, IReadOnlyList<double> RealMicros, IReadOnlyList<double> Cost);
