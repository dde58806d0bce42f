namespace BarHarness.Reports.Gates;

/// <summary>The gate's answer: every comparison made, the problems that make comparing impossible, and notes.</summary>
/// <param name="Comparisons">Every metric compared, in scenario then metric order.</param>
/// <param name="Problems">Reasons the comparison itself is invalid (e.g. different cost models); these fail the
/// gate.</param>
/// <param name="Notes">Things worth knowing that do not fail the gate (scenarios new or missing).</param>
public sealed record BaselineComparisonResult(
    IReadOnlyList<MetricComparison> Comparisons,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Notes)
{
    public IEnumerable<MetricComparison> Regressions => Comparisons.Where(c => c.IsRegression);

    public bool Passed => Problems.Count == 0 && !Regressions.Any();

    /// <summary>One line per problem and regression, for the console and the job summary.</summary>
    public IEnumerable<string> DescribeFailures() => Problems.Concat(Regressions.Select(r => r.Describe()));
}
