namespace BarHarness.Scenarios.Running;

/// <summary>Runs a list of scenarios (optionally in parallel, one VM per scenario) into one run report.</summary>
public sealed class SuiteRunner
{
    private readonly RunOptions _options;

    public SuiteRunner(RunOptions options)
    {
        _options = options;
    }

    public const string ToolVersion = "0.1.0";

    public RunReport Run(
        IReadOnlyList<LoadedScenario> scenarios,
        IReadOnlyList<ScenarioLoadError> loadErrors,
        int parallelism,
        string startedAt,
        string? shard,
        IProgress<RunProgress>? progress = null,
        Action<ScenarioResult>? finished = null)
    {
        var results = new ScenarioResult[scenarios.Count];
        var wall = System.Diagnostics.Stopwatch.StartNew();
        Parallel.For(
            0,
            scenarios.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) },
            i =>
            {
                // Each scenario gets its own thread for its whole life: its VM is single-threaded.
                ScenarioResult result = null!;
                var thread = new Thread(
                    () => result = BudgetReplay.Play(scenarios[i], _options, progress), 64 * 1024 * 1024);
                thread.Start();
                thread.Join();
                results[i] = result;
                finished?.Invoke(result);
            });

        var broken = loadErrors.Select(e => new ScenarioResult
        {
            Name = Path.GetFileNameWithoutExtension(e.RelativePath),
            File = e.RelativePath,
            Seed = 0,
            WidgetPath = string.Empty,
            WidgetSha256 = string.Empty,
            DurationGameSeconds = 0,
            Outcome = ScenarioOutcome.Error,
            Error = new RunError(
                e.Error.Message + (e.Error.Expected is null ? string.Empty : $" (expected {e.Error.Expected})"),
                e.Error.Location?.ToString()),
            ReproduceCommand = _options.DescribeReproduction(
                new Reproduction(e.RelativePath, 0, null, ScenarioFileBroken: true)),
        });

        return new RunReport
        {
            ToolVersion = ToolVersion,
            StartedAt = startedAt,
            WallSeconds = wall.Elapsed.TotalSeconds,
            Machine = MachineDescription.Current(),
            LuaVm = BarHarness.LuaHost.Interop.LuaVm.ActiveName,
            Seeds = results.Select(r => r.Seed).Distinct().ToList(),
            CostModel = Reports.Cost.CostModel.Reference.Coefficients,
            Shard = shard,
            Scenarios = broken.Concat(results).OrderBy(r => r.File, StringComparer.Ordinal).ToList(),
        };
    }
}
