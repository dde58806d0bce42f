namespace BarHarness.Reports.Gates;

/// <summary>One figure of one scenario, compared with the baseline.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Metric">Which figure (see <see cref="BaselineComparison"/> for the names).</param>
/// <param name="Baseline">The baseline's value.</param>
/// <param name="Current">This run's value.</param>
/// <param name="Allowed">The largest value that still passes.</param>
public sealed record MetricComparison(string Scenario, string Metric, double Baseline, double Current, double Allowed)
{
    public bool IsRegression => Current > Allowed;

    /// <summary>Relative change from the baseline (0.2 = +20 %); null when the baseline is 0.</summary>
    public double? RelativeChange => Baseline == 0 ? null : (Current - Baseline) / Math.Abs(Baseline);

    public string Describe()
    {
        var change = RelativeChange is { } r ? r.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "new";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Scenario}: {Metric} {Baseline:0.###} -> {Current:0.###} ({change}, allowed <= {Allowed:0.###})");
    }
}
