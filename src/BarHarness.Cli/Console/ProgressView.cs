namespace BarHarness.Cli.Commands;

/// <summary>Progress while scenarios run: bars on a terminal, plain lines otherwise (CI logs).</summary>
internal static class ProgressView
{
    public static RunReport Run(
        IReadOnlyList<LoadedScenario> scenarios,
        bool quiet,
        Func<IProgress<RunProgress>?, Action<ScenarioResult>, RunReport> run)
    {
        void Plain(ScenarioResult r)
        {
            if (!quiet)
            {
                var judged = r.Budget.Judged;
                var cpu = judged.FrameCpuMicros.P99 / 1000;
                var real = judged.FrameRealMicros.P99 / 1000;
                System.Console.WriteLine(
                    $"{Verdict(r.Outcome)} {r.Name}  {r.DurationGameSeconds:0}s game in {r.WallSeconds:0.0}s  "
                        + $"p99 {cpu:0.###} ms CPU ({real:0.###} ms real, {judged.Contention:0.00}x)  [{r.File}]");
            }
        }

        if (quiet || !AnsiConsole.Profile.Capabilities.Interactive || System.Console.IsOutputRedirected)
        {
            return run(null, Plain);
        }

        RunReport? report = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = scenarios.ToDictionary(
                    s => s.Definition.Name,
                    s =>
                        ctx.AddTask(
                            Markup.Escape(s.Definition.Name),
                            autoStart: false,
                            maxValue: s.Definition.DurationSeconds));
                var progress = new Progress<RunProgress>(p =>
                {
                    if (tasks.TryGetValue(p.Scenario, out var task))
                    {
                        task.StartTask();
                        task.Value = p.GameSeconds;
                        task.Description = Markup.Escape(
                            $"{p.Scenario}  {p.Units} units  {p.FramesPerSecond:0} frames/s");
                    }
                });
                report = run(
                    progress,
                    r =>
                    {
                        if (tasks.TryGetValue(r.Name, out var task))
                        {
                            task.Value = task.MaxValue;
                            var verdict = r.Outcome == ScenarioOutcome.Pass ? "[green]pass[/]" : "[red]FAIL[/]";
                            task.Description = $"{verdict} {Markup.Escape(r.Name)}";
                            task.StopTask();
                        }
                    });
            });
        return report!;
    }

    public static string Verdict(ScenarioOutcome outcome) => outcome switch
    {
        ScenarioOutcome.Pass => "PASS",
        ScenarioOutcome.Fail => "FAIL",
        _ => "ERROR",
    };
}
