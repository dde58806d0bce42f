namespace BarHarness.Reports.Gates;

/// <summary>
/// The CI gate: compares a run with a committed baseline summary on figures that do not depend on
/// machine load — per scenario, the p99 and max deterministic frame cost and the leak slope.
/// Real time is reported beside them but never gated. Scenarios are matched by name; one present on
/// one side only is a note, not a failure (filters and shards legitimately run subsets).
/// </summary>
public static class BaselineComparison
{
    public const string P99CostMetric = "p99Cost";
    public const string MaxCostMetric = "maxCost";
    public const string LeakSlopeMetric = "leakSlopeBytesPerMinute";

    public static BaselineComparisonResult Compare(
        RunReport baseline,
        RunReport current,
        GateThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        thresholds ??= GateThresholds.Default;

        var problems = new List<string>();
        var notes = new List<string>();
        if (!SamePrices(baseline.CostModel, current.CostModel))
        {
            // Costs priced with different coefficients are different units; comparing them would be noise.
            problems.Add(
                "cost model differs from the baseline's: run with the baseline's coefficients "
                    + "(the runner reads them from the baseline summary) or re-create the baseline");
        }

        if (baseline.LuaVm is { } baselineVm && current.LuaVm is { } currentVm && baselineVm != currentVm)
        {
            // Each VM compiles the widget to its own instructions: their counts are not comparable.
            problems.Add(
                $"this run used the {currentVm} Lua VM, the baseline {baselineVm}: "
                    + $"run with --vm {baselineVm} or re-create the baseline");
        }

        var baselineByName = baseline.Scenarios.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var comparisons = new List<MetricComparison>();
        foreach (var scenario in current.Scenarios.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (!baselineByName.TryGetValue(scenario.Name, out var before))
            {
                notes.Add($"{scenario.Name}: not in the baseline, not compared");
                continue;
            }

            if (scenario.Outcome == ScenarioOutcome.Error)
            {
                notes.Add($"{scenario.Name}: run ended in an error, its figures are partial");
            }

            var beforeCost = before.Budget.FrameCost;
            var nowCost = scenario.Budget.FrameCost;
            var costFloor = thresholds.CostFloorMicros;
            comparisons.Add(Compare(scenario.Name, P99CostMetric, beforeCost.P99, nowCost.P99, costFloor, thresholds));
            comparisons.Add(Compare(scenario.Name, MaxCostMetric, beforeCost.Max, nowCost.Max, costFloor, thresholds));
            if (before.Leak.Slope is { } beforeSlope && scenario.Leak.Slope is { } slope)
            {
                var (was, now) = (beforeSlope.BytesPerMinute, slope.BytesPerMinute);
                var leakFloor = thresholds.LeakSlopeFloorBytesPerMinute;
                comparisons.Add(Compare(scenario.Name, LeakSlopeMetric, was, now, leakFloor, thresholds));
            }
        }

        var currentNames = current.Scenarios.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        notes.AddRange(baseline.Scenarios
            .Where(s => !currentNames.Contains(s.Name)).OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => $"{s.Name}: in the baseline but not in this run"));

        return new BaselineComparisonResult(comparisons, problems, notes);
    }

    private static MetricComparison Compare(
        string scenario,
        string metric,
        double before,
        double now,
        double floor,
        GateThresholds thresholds
    ) => new(scenario, metric, before, now, thresholds.AllowedFor(before, floor));

    private static bool SamePrices(CostCoefficients? a, CostCoefficients? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return Same(a.PerInstruction, b.PerInstruction) && Same(a.PerEngineCall, b.PerEngineCall)
            && Same(a.PerAllocByte, b.PerAllocByte) && Same(a.PerAllocation, b.PerAllocation);
    }

    // A JSON round trip is exact for doubles, but allow for a last-digit difference from other writers.
    private static bool Same(double x, double y) => Math.Abs(x - y) <= 1e-12 * Math.Max(Math.Abs(x), Math.Abs(y));
}
