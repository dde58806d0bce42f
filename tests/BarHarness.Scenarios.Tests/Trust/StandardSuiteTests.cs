using BarHarness.LuaHost.Interop;
using BarHarness.Scenarios.Definition.Selection;

namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>
/// The standard suite's quick tier (every scenario but the stress and long ones, as
/// <c>run scenarios --skip-tag stress,long</c>) against the bundled widget: each scenario is one test,
/// failing with its failed expectations, so the test command gates on what the suite promises.
/// Budgets gate on BAR's own VM (native Lua 5.1). On the portable Lua 5.4 VM every other expectation
/// gates: its 5.1 profile's Lua-level shims cost CPU time BAR does not pay, so its budget figures are
/// reported (widget/README.md gives both VMs' figures) but are not BAR's. A scenario that fails only
/// budget expectations is replayed once, as `run` does, and fails when the replay fails too.
/// </summary>
public sealed class StandardSuiteTests
{
    private static readonly Lazy<IReadOnlyList<LoadedScenario>> QuickTier = new(() =>
        ScenarioSelection.ByTags(
            ScenarioLoader.LoadAll([RepositoryFiles.Scenarios], RepositoryFiles.Root).Scenarios, null, "stress,long"));

    public static TheoryData<string> QuickTierFiles()
    {
        var data = new TheoryData<string>();
        foreach (var scenario in QuickTier.Value)
        {
            data.Add(scenario.RelativePath);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(QuickTierFiles))]
    public void The_bundled_widget_passes_the_standard_scenario(string file)
    {
        var scenario = QuickTier.Value.Single(s => s.RelativePath == file);
        // A scenario that failed only its budget is replayed and judged on the replay (BudgetReplay): this
        // command runs test projects side by side on two cores, and another process can disturb a frame.
        // On the 5.4 VM budgets are not judged here, so a budget failure is not worth a replay.
        var budgetsJudged = LuaVm.Active == LuaVmKind.Lua51;
        var options = new RunOptions { RepoRoot = RepositoryFiles.Root, ReplayBudgetFailures = budgetsJudged };
        var result = BudgetReplay.Play(scenario, options, progress: null);

        var failed = result.FailedExpectations.Where(e => budgetsJudged || !BudgetReplay.IsBudget(e)).ToList();
        var firstRun = result.FirstRunBudgetFailures.Count == 0
            ? string.Empty
            : $" (replayed; the first run: {Describe(result.FirstRunBudgetFailures)})";
        Assert.True(
            result.Error is null && failed.Count == 0, $"{file}: {result.Error?.Message}{Describe(failed)}{firstRun}");
    }

    private static string Describe(IEnumerable<ExpectationResult> failed) =>
        string.Join("; ", failed.Select(e => $"{e.Name}: expected {e.Expected}, got {e.Actual}"));
}
