using BarHarness.Reports.Gates;

namespace BarHarness.Reports.Tests.Gates;

public sealed class BaselineComparisonTests
{
    private static ScenarioResult WithCost(string name, double p99, double max, double? leakSlope = null) =>
        new()
        {
            Name = name,
            File = name + ".yaml",
            Seed = 1,
            WidgetPath = "w.lua",
            WidgetSha256 = "00",
            DurationGameSeconds = 60,
            Outcome = ScenarioOutcome.Pass,
            ReproduceCommand = "barharness run " + name,
            Budget = new BudgetReport { FrameCost = new Distribution(100, p99 / 2, p99 / 2, p99, p99, max) },
            Leak = leakSlope is { } s ? new LeakReport { Slope = new SlopeEstimate(s, 0, s - 10, s + 10, 30) }
                : LeakReport.Empty,
        };

    /// <summary>Compares a run of the <paramref name="current"/> scenarios against one of the
    /// <paramref name="baseline"/> scenarios.</summary>
    private static BaselineComparisonResult CompareRuns(ScenarioResult[] baseline, ScenarioResult[] current) =>
        BaselineComparison.Compare(SampleReports.Run(baseline), SampleReports.Run(current));

    [Fact]
    public void Equal_runs_pass()
    {
        var baseline = SampleReports.TwoScenarios();

        var result = BaselineComparison.Compare(baseline, SampleReports.TwoScenarios());

        Assert.True(result.Passed);
        Assert.Equal(6, result.Comparisons.Count);
    }

    [Fact]
    public void Cost_increase_beyond_the_threshold_fails_naming_scenario_and_metric()
    {
        var result = CompareRuns(
            [WithCost("heavy", 1000, 1500), WithCost("light", 1000, 1500)],
            [WithCost("heavy", 1200, 1500), WithCost("light", 1100, 1500)]);

        Assert.False(result.Passed);
        var regression = Assert.Single(result.Regressions);
        Assert.Equal("heavy", regression.Scenario);
        Assert.Equal(BaselineComparison.P99CostMetric, regression.Metric);
        Assert.Equal(1150, regression.Allowed, 9);
        Assert.Equal("heavy: p99Cost 1000 -> 1200 (+20.0%, allowed <= 1150)", regression.Describe());
    }

    [Fact]
    public void Tiny_figures_do_not_flap_under_the_absolute_floor()
    {
        var result = CompareRuns([WithCost("minimal", 3, 5)], [WithCost("minimal", 6, 20)]);

        Assert.True(result.Passed);
    }

    [Fact]
    public void Leak_slope_growth_beyond_the_floor_fails()
    {
        var result = CompareRuns(
            [WithCost("endurance", 100, 200, leakSlope: 0)],
            [WithCost("endurance", 100, 200, leakSlope: 50_000)]);

        var regression = Assert.Single(result.Regressions);

        Assert.Equal(BaselineComparison.LeakSlopeMetric, regression.Metric);
    }

    [Fact]
    public void Different_cost_model_makes_the_comparison_fail_instead_of_comparing_other_units()
    {
        var baseline = SampleReports.TwoScenarios();
        var current = baseline with { CostModel = baseline.CostModel! with { PerInstruction = 0.004 } };

        var result = BaselineComparison.Compare(baseline, current);

        Assert.False(result.Passed);
        Assert.Contains("cost model", Assert.Single(result.Problems));
    }

    [Fact]
    public void A_run_on_another_lua_vm_than_the_baseline_fails_instead_of_comparing_other_instructions()
    {
        var baseline = SampleReports.TwoScenarios() with { LuaVm = "lua54" };

        var result = BaselineComparison.Compare(baseline, baseline with { LuaVm = "lua51" });

        Assert.False(result.Passed);
        Assert.Contains("--vm lua54", Assert.Single(result.Problems));
        Assert.True(BaselineComparison.Compare(baseline, baseline).Passed);
    }

    [Fact]
    public void Scenarios_on_one_side_only_are_notes_not_failures()
    {
        var result = CompareRuns(
            [WithCost("a", 10, 10), WithCost("b", 10, 10)],
            [WithCost("b", 10, 10), WithCost("c", 10, 10)]);

        Assert.True(result.Passed);
        Assert.Contains("c: not in the baseline, not compared", result.Notes);
        Assert.Contains("a: in the baseline but not in this run", result.Notes);
    }

    [Fact]
    public void Improvement_passes()
    {
        var result = CompareRuns([WithCost("heavy", 1000, 1500, 5000)], [WithCost("heavy", 500, 700, -100)]);

        Assert.True(result.Passed);
    }
}
