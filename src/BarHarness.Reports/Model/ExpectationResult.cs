namespace BarHarness.Reports.Model;

/// <summary>One checked expectation of a scenario (one JUnit test case, one Mocha test).</summary>
/// <param name="Name">Stable name, e.g. <c>budget.p99</c> or <c>oracle.no-silent-loss</c>.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Expected">The bound as the scenario wrote it, e.g. <c>p99 &lt;= 1000 µs</c>.</param>
/// <param name="Actual">The measured figure, e.g. <c>p99 = 1234 µs</c>.</param>
/// <param name="Detail">Extra explanation for a failure (which function, which frame).</param>
public sealed record ExpectationResult(string Name, bool Passed, string Expected, string Actual, string? Detail = null);
