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
/// budget expectations is replayed once and fails when the replay fails too.
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
        var (error, failed) = Judge(scenario);
        var firstRun = string.Empty;
        if (error is null && failed.Count > 0 && failed.All(IsBudget))
        {
            // A budget failure must repeat to count. The run is deterministic, so a replay does the same
            // work frame for frame: a frame the widget makes too heavy is too heavy again, while one that
            // another process disturbed (this command runs test projects side by side on two cores; one
            // such frame took 3.5 ms of CPU time where it takes 1.0 ms alone) is not.
            firstRun = $" (replayed; the first run: {Describe(failed)})";
            (error, failed) = Judge(scenario);
        }

        Assert.True(error is null && failed.Count == 0, $"{file}: {error}{Describe(failed)}{firstRun}");
    }

    private static bool IsBudget(ExpectationResult e) => e.Name.StartsWith("budget.", StringComparison.Ordinal);

    private static (string? Error, List<ExpectationResult> Failed) Judge(LoadedScenario scenario)
    {
        var result = Simulation.Play(scenario, new RunOptions { RepoRoot = RepositoryFiles.Root }).Result;
        var failed = result.FailedExpectations.Where(e => LuaVm.Active == LuaVmKind.Lua51 || !IsBudget(e)).ToList();
        return (result.Error?.Message, failed);
    }

    private static string Describe(IEnumerable<ExpectationResult> failed) =>
        string.Join("; ", failed.Select(e => $"{e.Name}: expected {e.Expected}, got {e.Actual}"));
}
