using BarHarness.LuaHost.Widgets;
using BarHarness.Reports.Analysis;
using BarHarness.Reports.Model;
using BarHarness.Scenarios.Definition;

namespace BarHarness.Scenarios.Running;

/// <summary>Puts a run's observation into the report model (computing nothing the analysers do not).</summary>
internal static class ResultBuilder
{
    public static ScenarioResult Build(LoadedScenario scenario, RunOptions options, ulong seed, string widgetPath, string widgetHash, RunObservation run, double wallSeconds)
    {
        var def = scenario.Definition;
        var callIns = run.CallIns.Select(c => new CallInSamples(c.CallIn, c.RealMicros, c.Cost)).ToList();
        var budget = BudgetCalculator.Compute(run.Frames, callIns, def.Expectations.Budget.BudgetMs * 1000);
        var allowed = (def.Expectations.Memory?.MaxGrowthKbPerMinute ?? 64) * 1024;
        var leftovers = new ShutdownLeftovers(run.OpenSocketsAfterShutdown, run.ActionsAfterShutdown);
        var leak = LeakAnalyzer.Analyze(run.Heap, allowed, def.Expectations.Memory?.AfterSeconds ?? Math.Min(60, def.DurationSeconds / 4), run.Frames, null, leftovers);
        var expectations = ExpectationEvaluator.Evaluate(def, run, budget, leak);
        var load = run.LoadResults.FirstOrDefault();
        var error = load is { IsLoaded: false } && !def.Expectations.ExpectWidgetRemoved
            ? new RunError(load.Describe(), load.Location?.ToString() ?? load.SyntaxIssues.FirstOrDefault()?.ToString())
            : null;
        return new ScenarioResult
        {
            Name = def.Name,
            File = scenario.RelativePath,
            Seed = seed,
            WidgetPath = Relative(options.RepoRoot, widgetPath),
            WidgetSha256 = widgetHash,
            DurationGameSeconds = run.Frames.GameSeconds.Count > 0 ? run.Frames.GameSeconds[^1] : 0,
            WallSeconds = wallSeconds,
            Outcome = expectations.All(e => e.Passed) ? ScenarioOutcome.Pass : ScenarioOutcome.Fail,
            Error = error,
            ReproduceCommand = ReproduceCommand(options, scenario, seed),
            Expectations = expectations,
            Budget = budget,
            Leak = leak,
            Network = new NetworkSummary(
                run.BytesHandedToSend,
                run.BytesReceivedByServer,
                run.OracleStats?.Messages ?? 0,
                run.Reconnects,
                run.OracleStats?.SeqGapsDeclared ?? 0,
                run.Violations.Take(200).Select(v => new OracleViolation(v.Kind.ToString(), v.Detail, v.AtMicros / 1e6)).ToList()),
            Console = new ConsoleSummary(
                run.ConsoleLineCount,
                run.ConsoleLines.GroupBy(l => l.Frame / 1800).Select(g => (long)g.Count()).DefaultIfEmpty(0).Max(),
                run.ConsoleLines.GroupBy(l => l.Text).Select(g => new RepeatedLine(g.Key, g.Count())).OrderByDescending(r => r.Count).ThenBy(r => r.Text, StringComparer.Ordinal).Take(5).ToList()),
            Frames = run.Frames,
            FaultWindows = run.FaultWindows,
            SlowestFrames = run.SlowFrames,
            Profile = run.Profile,
        };
    }

    public static string ReproduceCommand(RunOptions options, LoadedScenario scenario, ulong seed)
    {
        var widget = options.WidgetOverride is null ? string.Empty : $" --widget {Quote(options.WidgetOverride)}";
        return $"{options.CommandName} run {Quote(scenario.RelativePath)} --seed {seed}{widget} --vm {BarHarness.LuaHost.Interop.LuaVm.ActiveName}";
    }

    private static string Quote(string s) => s.Contains(' ', StringComparison.Ordinal) ? $"\"{s}\"" : s;

    private static string Relative(string root, string path)
    {
        var rel = Path.GetRelativePath(root, path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel.Replace('\\', '/');
    }
}
