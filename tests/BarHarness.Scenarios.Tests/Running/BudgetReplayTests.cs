using BarHarness.Scenarios.Tests.Probes;

namespace BarHarness.Scenarios.Tests.Running;

/// <summary>
/// A scenario that failed only its budget is played again and judged on the replay, so a frame another
/// process disturbed does not fail it, while a widget that is really too heavy fails both times.
/// </summary>
public sealed class BudgetReplayTests
{
    private const string Game = """
        {name: replay, seed: 5, duration: 2s, units: {initial: 12},
         expectations: {no_lua_errors: true, budget: {max_ms: 2}}}
        """;

    // About 10 ms of CPU time a frame: sorting 20,000 numbers through a Lua comparator.
    private const string HeavyFrame =
        "local t = {} for i = 1, 20000 do t[i] = i end table.sort(t, function(a, b) return a > b end)";

    [Fact]
    public void A_widget_too_heavy_in_every_frame_fails_the_replay_too_and_keeps_the_first_runs_failure()
    {
        using var folder = new TempWidget($"function widget:GameFrame(n) {HeavyFrame} end");

        var result = Play(folder.File, replay: true);

        Assert.Equal(ScenarioOutcome.Fail, result.Outcome);
        Assert.Contains(result.FirstRunBudgetFailures, e => e.Name == "budget.max");
        Assert.Contains(result.FailedExpectations, e => e.Name == "budget.max");
    }

    [Fact]
    public void Without_replay_the_first_run_is_the_verdict()
    {
        using var folder = new TempWidget($"function widget:GameFrame(n) {HeavyFrame} end");

        var result = Play(folder.File, replay: false);

        Assert.Equal(ScenarioOutcome.Fail, result.Outcome);
        Assert.Empty(result.FirstRunBudgetFailures);
    }

    [Fact]
    public void A_failure_beside_the_budget_is_not_replayed()
    {
        using var folder = new TempWidget(
            $"function widget:GameFrame(n) {HeavyFrame} if n == 30 then error('boom') end end");

        var result = Play(folder.File, replay: true);

        Assert.Contains(result.FailedExpectations, e => e.Name == "no_lua_errors");
        Assert.Empty(result.FirstRunBudgetFailures);
    }

    [Fact]
    public void Only_a_run_without_error_whose_every_failure_is_a_budget_one_is_replayed()
    {
        var budget = new ExpectationResult("budget.max", false, "max ≤ 2 ms", "3 ms");
        var console = new ExpectationResult("console_spam", false, "≤ 30", "40");
        var passed = new ExpectationResult("budget.p99", true, "p99 ≤ 2 ms", "1 ms");
        ScenarioResult With(params ExpectationResult[] e) =>
            BareResult.Of(ScenarioOutcome.Fail) with { Expectations = e };

        Assert.True(BudgetReplay.FailedOnlyBudget(With(budget, passed)));
        Assert.False(BudgetReplay.FailedOnlyBudget(With(budget, console)));
        Assert.False(BudgetReplay.FailedOnlyBudget(With(passed)));
        Assert.False(BudgetReplay.FailedOnlyBudget(With(budget) with { Error = new RunError("watchdog", null) }));
    }

    private static ScenarioResult Play(string widgetFile, bool replay) =>
        BudgetReplay.Play(
            new LoadedScenario("replay.yaml", ScenarioLoader.Parse(Game, "replay.yaml")),
            new RunOptions
            {
                RepoRoot = RepositoryFiles.Root,
                WidgetOverride = widgetFile,
                ReplayBudgetFailures = replay,
            },
            progress: null);

    private sealed class TempWidget : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bh-replay-");

        public TempWidget(string code)
        {
            File = Path.Combine(_folder.FullName, "widget.lua");
            System.IO.File.WriteAllText(
                File, "function widget:GetInfo() return { name = 'replay', layer = 0, enabled = true } end\n" + code);
        }

        public string File { get; }

        public void Dispose() => _folder.Delete(recursive: true);
    }
}
