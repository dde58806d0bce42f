namespace BarHarness.Cli.Commands;

/// <summary>
/// <c>barharness shrink SCENARIO</c>: when the scenario fails, search for a smaller one (fewer units,
/// shorter, fewer faults and events) that fails the same expectations, and write it to
/// <c>scenarios/repro/</c> with the command that reproduces it.
/// </summary>
internal static class ShrinkCommand
{
    public static Command Create()
    {
        var scenario = DescribedOption.Argument<string>("scenario", "The failing scenario file");
        var widget = DescribedOption.Create<string?>(
            "--widget", "Run this widget instead of the scenario's (written into the reproduction)");
        var output = ReproOutOption.Create("the minimal scenario", "NAME-min.yaml");
        var maxRuns = DefaultedOption.Create<int>("--max-runs", 40, "At most this many shrinking runs");
        var runTimeout = DescribedOption.Create<double?>(
            "--run-timeout",
            "Give up on a candidate after this many real seconds (default: 5x the first run, at least 60 s)");
        var expectation = new Option<string[]>("--expectation")
        {
            Description = "Keep only these failing expectations (default: every one that failed)",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command(
            "shrink",
            "Find a smaller scenario that still fails the same expectations and write it to scenarios/repro/")
        {
            scenario, widget, output, maxRuns, expectation, runTimeout,
        };
        command.SetAction(parse =>
        {
            var root = RepoLocator.Find();
            var path = Path.GetFullPath(parse.GetValue(scenario)!);
            var definition = ScenarioLoader.Load(path, ReproFileName.Display(root, path));
            var widgetPath = parse.GetValue(widget) is { } w ? Path.GetFullPath(w) : null;
            if (widgetPath is not null && !File.Exists(widgetPath))
            {
                throw new HarnessInputException(null, $"widget file not found: {widgetPath}", "an existing .lua file");
            }

            if (parse.GetValue(maxRuns) < 1)
            {
                throw new HarnessInputException(null, $"--max-runs {parse.GetValue(maxRuns)}", "at least 1");
            }

            var options = new RunOptions
            {
                RepoRoot = root,
                WidgetOverride = widgetPath,
                DescribeReproduction = ReproduceCommandLine.Format,
            };
            ScenarioResult Run(ScenarioDefinition d) =>
                Simulation.Play(new LoadedScenario(ReproFileName.Display(root, path), d), options).Result;

            var first = Run(definition);
            if (first.Outcome == ScenarioOutcome.Pass)
            {
                Terminal.Line($"[green]{definition.Name} passes[/]: nothing to shrink");
                return ExitCodes.Passed;
            }

            if (first.Outcome == ScenarioOutcome.Error)
            {
                Terminal.Line(
                    $"[red]{definition.Name} did not run[/]: {first.Error?.Message}; ",
                    $"shrink needs a failing expectation");
                return ExitCodes.ExpectationFailed;
            }

            var failed = first.FailedExpectations.Select(e => e.Name).ToList();
            var targets = parse.GetValue(expectation) is { Length: > 0 } chosen ? chosen : failed.ToArray();
            foreach (var name in targets.Where(t => !failed.Contains(t)))
            {
                throw new HarnessInputException(
                    null,
                    $"--expectation {name} did not fail",
                    "one of: " + string.Join(", ", failed));
            }

            Terminal.Line(
                $"{definition.Name} fails {string.Join(", ", targets)}; ",
                $"shrinking (at most {parse.GetValue(maxRuns)} runs)");
            // A smaller scenario can hang where the original did not (e.g. a pause left without its unpause):
            // such a candidate is abandoned after a real-time limit, a guard only; it never decides a kept step.
            var limit = TimeSpan.FromSeconds(parse.GetValue(runTimeout) ?? Math.Max(60, 5 * (first.WallSeconds ?? 0)));
            var shrinker = new ScenarioShrinker(d => RunWithin(() => Run(d), limit), parse.GetValue(maxRuns));
            var result = shrinker.Shrink(definition, targets, line => Terminal.Line($"[grey]{line}[/]"));

            var minimal = Finish(result, widgetPath);
            var outPath = ReproOutOption.FullPath(parse, output, root, minimal.Name);
            ScenarioWriter.Save(minimal, outPath);
            var display = ReproFileName.Display(root, outPath);

            // The file on disk is the deliverable: load it back and run it once more to prove it reproduces.
            var written = ScenarioLoader.Load(outPath, display);
            var check = Simulation.Play(
                new LoadedScenario(display, written),
                new RunOptions { RepoRoot = root, DescribeReproduction = ReproduceCommandLine.Format }).Result;
            var reproduces = ScenarioShrinker.StillFails(check, targets);
            var spent = result.BudgetExhausted ? " (run budget spent; it may shrink further)" : string.Empty;
            Terminal.Line($"{result.AcceptedSteps.Count} reduction(s) kept in {result.Runs} run(s){spent}");
            Terminal.Line(
                $"units (peak bound) {definition.Units.PeakBound} -> {written.Units.PeakBound}, ",
                $"duration {definition.DurationSeconds} s -> {written.DurationSeconds} s, ",
                $"faults {definition.Faults.Count} -> {written.Faults.Count}, ",
                $"events {definition.Events.Count} -> {written.Events.Count}");
            if (reproduces)
            {
                Terminal.Line($"wrote {display}: [red]still fails[/] {string.Join(", ", targets)}");
            }
            else
            {
                Terminal.Line($"wrote {display}: [yellow]did NOT reproduce when loaded back[/]");
            }
            System.Console.Out.WriteLine("reproduce: " + check.ReproduceCommand);
            return ExitCodes.ExpectationFailed;
        });
        return command;
    }

    /// <summary>Runs on its own thread; null when it did not finish within <paramref name="limit"/> (the thread is left
    /// to the process's end).</summary>
    private static ScenarioResult? RunWithin(Func<ScenarioResult> run, TimeSpan limit)
    {
        ScenarioResult? result = null;
        var thread = new Thread(() => result = run(), 64 * 1024 * 1024)
        {
            IsBackground = true,
            Name = "shrink-candidate",
        };
        thread.Start();
        return thread.Join(limit) ? result : null;
    }

    /// <summary>The minimal scenario as a stand-alone file: its own name, the story of the shrink, the widget that
    /// failed.</summary>
    private static ScenarioDefinition Finish(ShrinkResult result, string? widgetPath)
    {
        var minimal = result.Minimal;
        var description = $"Shrunk by barharness shrink from {result.Original.Name} "
            + $"({Path.GetFileName(result.Original.SourceFile)}); "
            + $"still fails {string.Join(", ", result.TargetExpectations)}. Steps: "
            + (result.AcceptedSteps.Count == 0 ? "none" : string.Join("; ", result.AcceptedSteps)) + ".";
        return minimal with
        {
            Name = result.Original.Name + "-min",
            Description = description,
            Widget = widgetPath is null ? minimal.Widget : minimal.Widget with { Path = widgetPath, IsDefault = false },
        };
    }
}
