using System.Globalization;

namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>
/// Budgets judge CPU time: work the deterministic cost cannot see (C library functions, garbage
/// collection) fails the standard minimal scenario's 2 ms budget, and the clean widget's verdict quotes
/// CPU time. The standard scenario is played for its first 6 game seconds (as <c>--max-duration</c> does).
/// </summary>
public sealed class CpuBudgetMutantTests
{
    [Fact]
    public void C_library_work_fails_the_2_ms_budget_though_its_deterministic_cost_is_small()
    {
        var run = RunMinimal(MutantCatalogue.HogsCpuInCLibrary);

        Assert.False(run.Expectation("budget.max").Passed, run.Describe());
        Assert.True(run.Result.Budget.FrameCpuMicros.Max > 10_000, run.Describe());
        // The deterministic cost alone would have passed it: the verdict comes from CPU time.
        Assert.True(run.Result.Budget.FrameCost.P99 < 2_000, $"cost p99 {run.Result.Budget.FrameCost.P99}");
    }

    [Fact]
    public void Full_collection_every_frame_fails_the_2_ms_budget()
    {
        var run = RunMinimal(MutantCatalogue.CollectsGarbageEveryFrame);

        Assert.False(run.Expectation("budget.max").Passed, run.Describe());
        Assert.True(run.Result.Budget.FrameCpuMicros.P50 > 2_000, run.Describe());
    }

    [Fact]
    public void Clean_widget_budget_verdict_quotes_cpu_time_and_its_figures_are_measured()
    {
        using var widget = MutantWidget.Clean();
        var run = TrustRun.Execute(MinimalYaml(), "minimal-short", widget.MainFile);

        var p99 = run.Expectation("budget.p99");
        Assert.Contains("CPU time", p99.Actual, StringComparison.Ordinal);
        var quoted = double.Parse(p99.Actual.Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(quoted > 0, p99.Actual);
        Assert.True(run.Result.Budget.FrameCpuMicros.Count > 0 && run.Result.Budget.FrameCpuMicros.Max > 0);
        Assert.True(run.Result.Budget.EngineShare > 0, "engine time is measured inside the engine natives");
        Assert.True(run.Result.Budget.Contention > 0);
    }

    private static TrustRun RunMinimal(Mutation mutation)
    {
        using var widget = MutantWidget.Create(mutation);
        var run = TrustRun.Execute(MinimalYaml(), "mutant-" + mutation.Name, widget.MainFile);
        Assert.True(
            run.Result.Outcome == Reports.Model.ScenarioOutcome.Fail,
            $"{mutation.Name} was not caught: {run.Describe()}");
        return run;
    }

    private static string MinimalYaml()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Scenarios, "load", "minimal.yaml"));
        Assert.Contains("duration: 60s", text, StringComparison.Ordinal);
        return text.Replace("duration: 60s", "duration: 6s", StringComparison.Ordinal);
    }
}
