using BarHarness.Reports.Model;
using BarHarness.Scenarios.Shrinking;
using BarHarness.Scenarios.Tests.Probes;

namespace BarHarness.Scenarios.Tests.Shrinking;

public sealed class ScenarioShrinkerTests
{
    private const string Scenario = """
        name: s
        seed: 1
        duration: 16s
        units: {initial: 1000}
        faults:
          - {name: disconnect, at: 2s}
          - {name: disconnect, at: 3s}
        """;

    [Fact]
    public void Greedy_shrinking_stops_just_above_the_failure_threshold()
    {
        var s = ScenarioLoader.Parse(Scenario, "s.yaml");
        var shrinker = new ScenarioShrinker(d => Result(d.Units.Initial > 40 ? ["too_many"] : []), maxRuns: 100);

        var result = shrinker.Shrink(s, ["too_many"]);

        Assert.InRange(result.Minimal.Units.Initial, 41, 80); // neither x0.5 nor x0.75 of it still fails
        Assert.Equal(ShrinkCandidates.MinimumDurationSeconds, result.Minimal.DurationSeconds);
        Assert.Empty(result.Minimal.Faults);
        Assert.False(result.BudgetExhausted);
    }

    [Fact]
    public void A_candidate_that_fails_another_way_or_does_not_finish_is_not_kept()
    {
        var s = ScenarioLoader.Parse(Scenario, "s.yaml");
        var shrinker = new ScenarioShrinker(
            d => d.Faults.Count < 2 ? null : Result(d.Units.Initial == 1000 ? ["a", "b"] : ["a"]),
            maxRuns: 100);

        var result = shrinker.Shrink(s, ["a", "b"]);

        Assert.Equal(1000, result.Minimal.Units.Initial);
        Assert.Equal(2, result.Minimal.Faults.Count);
    }

    [Fact]
    public void The_run_budget_bounds_the_search()
    {
        var s = ScenarioLoader.Parse(Scenario, "s.yaml");
        var runs = 0;
        var shrinker = new ScenarioShrinker(_ => { runs++; return Result(["x"]); }, maxRuns: 3);

        var result = shrinker.Shrink(s, ["x"]);

        Assert.Equal(3, runs);
        Assert.Equal(3, result.Runs);
        Assert.True(result.BudgetExhausted);
    }

    private static ScenarioResult Result(IReadOnlyList<string> failing) =>
        BareResult.Of(failing.Count > 0 ? ScenarioOutcome.Fail : ScenarioOutcome.Pass) with
        {
            Expectations = failing.Select(n => new ExpectationResult(n, false, "-", "-"))
                .Append(new ExpectationResult("ok", true, "-", "-")).ToList(),
        };
}
