using BarHarness.LuaHost.Measurement;
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
        var budget = BudgetCalculator.Compute(run.FrameStatistics, run.CallIns) with
        {
            CpuClock = ThreadCpuClock.Description,
            HookNanosPerInstruction = run.Instrumentation.NanosPerInstruction,
            CounterNanosPerAllocation = run.Instrumentation.NanosPerAllocation,
        };
        var allowed = (def.Expectations.Memory?.MaxGrowthKbPerMinute ?? 64) * 1024;
        var leftovers = new ShutdownLeftovers(run.OpenSocketsAfterShutdown, run.ActionsAfterShutdown);
        var steadyFrom = SteadyState.StartSeconds(def, run.WidgetLoadedAtSeconds);
        var leak = LeakAnalyzer.Analyze(run.Heap, allowed, steadyFrom, run.FrameStatistics, Retained(run), leftovers);
        // A widget that never makes a socket is not a streaming widget: the stream checks are not applied
        // to it. The bundled widget streams by design, so they always apply to it; so they do when the
        // scenario names its own widget and writes an oracle section (it asks that widget for a stream). A
        // standard scenario's oracle section, run with --widget, was written for the bundled widget.
        var bundled = string.Equals(Path.GetFullPath(widgetPath), Path.GetFullPath(options.BundledWidget),
            StringComparison.Ordinal);
        var asked = def.Expectations.Oracle.Written && options.WidgetOverride is null;
        var streams = run.NetworkTimeline.WidgetUsedNetwork || bundled || asked;
        var expectations = ExpectationEvaluator.Evaluate(def, run, budget, leak, streams);
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
            DurationGameSeconds = run.FrameStatistics.LastGameSeconds,
            WallSeconds = wallSeconds,
            Outcome = expectations.All(e => e.Passed) ? ScenarioOutcome.Pass : ScenarioOutcome.Fail,
            Error = error,
            ReproduceCommand = options.DescribeReproduction(Reproduction.Of(scenario, seed, options)),
            Expectations = expectations,
            Budget = budget,
            Leak = leak,
            Network = new NetworkSummary(
                run.BytesHandedToSend,
                run.BytesReceivedByServer,
                run.OracleStats?.Messages ?? 0,
                run.Reconnects,
                run.OracleStats?.MessagesDeclaredDropped ?? 0,
                run.Violations.Take(200).Select(v => new OracleViolation(v.Kind.ToString(), v.Detail, v.AtMicros / 1e6)).ToList())
            {
                StreamSha256 = run.StreamHash,
                TimedStreamSha256 = run.TimedStreamHash,
            },
            Console = new ConsoleSummary(
                run.ConsoleLineCount,
                run.ConsoleLines.GroupBy(l => l.Frame / 1800).Select(g => (long)g.Count()).DefaultIfEmpty(0).Max(),
                run.ConsoleLines.GroupBy(l => l.Text).Select(g => new RepeatedLine(g.Key, g.Count())).OrderByDescending(r => r.Count).ThenBy(r => r.Text, StringComparer.Ordinal).Take(5).ToList()),
            ConsoleTranscript = ConsoleTranscriptBuilder.Build(run.ConsoleLines.Select(l => (l.Frame, l.Source, l.Text)), run.ConsoleLineCount),
            NetworkTimeline = run.NetworkTimeline,
            Frames = run.Frames,
            FaultWindows = run.FaultWindows,
            SlowestFrames = run.SlowFrames,
            Profile = run.Profile,
        };
    }

    /// <summary>
    /// The roots that grew most since the steady state began (then the largest), at most ten, each with
    /// its size at the end and its growth.
    /// </summary>
    private static List<RetainedObject> Retained(RunObservation run)
    {
        var before = run.RetainedAtSteadyStart.ToDictionary(r => r.Path, r => r.Bytes, StringComparer.Ordinal);
        return run.RetainedAtEnd
            .Select(r => new RetainedObject(r.Description, r.Bytes, r.Path)
            {
                GrowthBytes = r.Bytes - before.GetValueOrDefault(r.Path),
                Objects = r.Objects,
            })
            .OrderByDescending(r => r.GrowthBytes).ThenByDescending(r => r.Bytes)
            .ThenBy(r => r.ReachableFrom, StringComparer.Ordinal)
            .Take(10)
            .ToList();
    }

    private static string Relative(string root, string path)
    {
        var rel = Path.GetRelativePath(root, path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel.Replace('\\', '/');
    }
}
