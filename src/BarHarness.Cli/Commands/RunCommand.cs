using BarHarness.Reports.Cost;
using BarHarness.Reports.Exporters;
using BarHarness.Reports.Gates;
using BarHarness.Reports.SummaryJson;

namespace BarHarness.Cli.Commands;

/// <summary><c>barharness run</c>: the scenario suite, reports, and the CI gate.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var scenarios = new ScenarioArguments();
        var widget = DescribedOption.Create<string?>(
            "--widget",
            "Run this widget file instead of each scenario's (default: the bundled widget/export_livedata.lua)");
        var seed = DescribedOption.Create<ulong?>("--seed", "Override every scenario's seed");
        var report = DescribedOption.Create<string?>("--report", "Report folder (default: reports/latest)");
        var format = ReportFormatOption.Create("Report formats: json,junit,mocha,md,html");
        var baseline = DescribedOption.Create<string?>(
            "--baseline", "A summary.json to compare against: fail on a regression beyond the noise threshold");
        var net = DescribedOption.Create<string?>(
            "--net", "sim (default) or real: the transport under the widget's socket");
        var quiet = DescribedOption.Create<bool>("--quiet", "Only the final summary");
        var calibrate = DescribedOption.Create<bool>(
            "--calibrate",
            "Fit the deterministic cost coefficients to this run's real time (on a quiet machine) and print them");
        var uninstrumented = DescribedOption.Create<bool>(
            "--uninstrumented",
            "Real time only: no instruction hook (it makes Lua 5.4 about 2x slower), "
                + "real Spring.GetTimer, budgets judged by real time; for a quiet machine, not for CI gates");
        var noReplay = DescribedOption.Create<bool>(
            "--no-budget-replay",
            "Judge the first run only: by default a scenario that failed nothing but its budget is replayed "
                + "(same seed, same work) and judged on the replay, the first run's failures kept in the report");
        var maxDuration = DescribedOption.Create<double?>(
            "--max-duration",
            "Play at most this many game seconds of each scenario "
                + "(a quick smoke run; expectations are judged on the shortened run)");
        var timerTrace = DescribedOption.Create<string?>(
            "--timer-trace",
            "Give the widget's Spring.GetTimer the readings a timer: cpu run wrote (reports/latest/timer-traces/"
                + "<name>.timer.gz), so it takes the same decisions again: with --seed, reproduces that run exactly");
        var parallel = DefaultedOption.Create<int>("--parallel", 1, "Scenarios run at once (0 = one per core)");
        var command = new Command(
            "run",
            "Run scenarios against a widget and write reports; exit 0 only when every expectation holds");
        scenarios.AddTo(command);
        command.Options.Add(widget);
        command.Options.Add(seed);
        command.Options.Add(report);
        command.Options.Add(format);
        command.Options.Add(baseline);
        command.Options.Add(net);
        command.Options.Add(quiet);
        command.Options.Add(parallel);
        command.Options.Add(maxDuration);
        command.Options.Add(calibrate);
        command.Options.Add(uninstrumented);
        command.Options.Add(noReplay);
        command.Options.Add(timerTrace);
        var game = GameOption.Create();
        command.Options.Add(game);
        command.SetAction(parse =>
        {
            GameOption.Apply(parse, game);
            if (parse.GetValue(uninstrumented) && (parse.GetValue(calibrate) || parse.GetValue(baseline) is not null))
            {
                throw new HarnessInputException(
                    null,
                    "--calibrate and --baseline need the deterministic cost that --uninstrumented turns off",
                    "--uninstrumented alone, or without it");
            }

            var exporters = ExporterRegistry.Default.Parse(parse.GetValue(format) ?? "json");
            var (batch, selected, root) = scenarios.Load(parse);
            if (parse.GetValue(maxDuration) is { } cap)
            {
                selected = ShortenedTo(selected, cap);
            }
            if (selected.Count == 0 && batch.Errors.Count == 0)
            {
                throw new HarnessInputException(
                    null,
                    "no scenario matched the paths, --filter and --shard given",
                    "at least one scenario file");
            }

            var widgetPath = parse.GetValue(widget);
            if (widgetPath is not null && !File.Exists(widgetPath))
            {
                throw new HarnessInputException(null, $"widget file not found: {widgetPath}", "an existing .lua file");
            }

            var netMode = parse.GetValue(net) switch
            {
                null => (NetworkMode?)null,
                "sim" => NetworkMode.Sim,
                "real" => NetworkMode.Real,
                var other => throw new HarnessInputException(null, $"--net {other} is not a transport", "sim or real"),
            };
            var reportDir = parse.GetValue(report) ?? Path.Combine(root, "reports", "latest");
            var tracePath = parse.GetValue(timerTrace);
            var options = new RunOptions
            {
                RepoRoot = root,
                WidgetOverride = widgetPath,
                SeedOverride = parse.GetValue(seed),
                NetworkOverride = netMode,
                Uninstrumented = parse.GetValue(uninstrumented),
                ReplayBudgetFailures = !parse.GetValue(noReplay),
                DescribeReproduction = ReproduceCommandLine.Format,
                ReplayedTimerReadings = tracePath is null ? null : ReplayedTrace(tracePath, selected, options: parse,
                    uninstrumented),
                TimerTraceFile = tracePath,
                TimerTraceFolder = Path.GetFullPath(Path.Combine(reportDir, "timer-traces")),
            };
            var quietMode = parse.GetValue(quiet);
            var threads = parse.GetValue(parallel) <= 0 ? Environment.ProcessorCount : parse.GetValue(parallel);

            foreach (var error in batch.Errors)
            {
                Terminal.Line($"[red]error[/] {error.Error.Describe()}");
            }

            var runner = new SuiteRunner(options);
            // A label, never an input.
            var startedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var result = ProgressView.Run(
                selected,
                quietMode,
                (progress, finished) =>
                    runner.Run(
                        selected,
                        batch.Errors,
                        threads,
                        startedAt,
                        parse.GetValue(scenarios.Shard),
                        progress,
                        finished));

            if (parse.GetValue(calibrate))
            {
                var samples = result.Scenarios.SelectMany(s => CostCalibration.SamplesFrom(s.Frames)).ToList();
                var fitted = CostCalibration.Calibrate(samples, Environment.MachineName);
                Terminal.Line(
                    $"cost model fitted on {samples.Count} frames (R² {fitted.CalibrationRSquared:0.###}): ",
                    $"µs = {fitted.PerInstruction:G4}·instructions + {fitted.PerEngineCall:G4}·engine calls ",
                    $"+ {fitted.PerAllocByte:G4}·bytes + {fitted.PerAllocation:G4}·allocations");
                var cpu = CpuPriceFit.Of(result.Scenarios.Select(s => s.Frames));
                var timer = Engine.SpringApi.VirtualTimerCostModel.For(LuaVm.Active);
                Terminal.Line(
                    $"CPU time fitted on {cpu.Points} points: {cpu.NanosPerInstruction:0.##} ns an instruction + ",
                    $"{cpu.NanosPerEngineCall:0.#} ns an engine call; Spring.GetTimer's {LuaVm.ActiveName} prices are ",
                    $"{timer.NanosPerInstruction} + {timer.NanosPerEngineCall}");
                var byTimer = cpu.EffectiveNanos(timer.NanosPerInstruction, timer.NanosPerEngineCall);
                Terminal.Line(
                    $"at this run's {cpu.InstructionsPerEngineCall:0} instructions an engine call, an instruction ",
                    $"costs {cpu.EffectiveNanosPerInstruction:0.##} ns by the fit and {byTimer:0.##} ns by the timer");
                // The report's costs were priced with the run's own coefficients, so those stay on it; the fit
                // goes to its own file, for a later run to use (pricing a run's frames needs its counts).
                Directory.CreateDirectory(reportDir);
                var fittedPath = Path.Combine(reportDir, "cost-model-fitted.json");
                File.WriteAllText(fittedPath, System.Text.Json.JsonSerializer.Serialize(fitted, FittedJson));
                Terminal.Line(
                    $"fitted coefficients written to {fittedPath}; ",
                    $"this report keeps the coefficients it was priced with");
            }

            Directory.CreateDirectory(reportDir);
            var written = ReportWriter.WriteAll(result, exporters, reportDir);
            SummaryView.Print(result, written);

            var exit = result.Passed ? ExitCodes.Passed : ExitCodes.ExpectationFailed;
            if (batch.Errors.Count > 0)
            {
                exit = ExitCodes.BadInput;
            }

            if (parse.GetValue(baseline) is { } baselinePath)
            {
                var comparison = BaselineComparison.Compare(SummaryJsonReader.ReadFile(baselinePath), result);
                foreach (var line in comparison.DescribeFailures())
                {
                    Terminal.Line($"[red]regression[/] {line}");
                }

                foreach (var note in comparison.Notes)
                {
                    Terminal.Line($"[grey]note[/] {note}");
                }

                if (!comparison.Passed && exit == ExitCodes.Passed)
                {
                    exit = ExitCodes.ExpectationFailed;
                }

                Terminal.Line($"baseline gate: {(comparison.Passed ? "passed" : "FAILED")} against {baselinePath}");
            }

            return exit;
        });
        return command;
    }

    // --timer-trace: the readings of one scenario's run, so it takes one scenario and a timer: cpu run.
    private static IReadOnlyList<long> ReplayedTrace(
        string path, IReadOnlyList<LoadedScenario> selected, ParseResult options, Option<bool> uninstrumented)
    {
        if (selected.Count != 1)
        {
            throw new HarnessInputException(
                null, $"--timer-trace replays one scenario's run; {selected.Count} scenarios were selected",
                "one scenario file");
        }

        if (options.GetValue(uninstrumented) || selected[0].Definition.Timer != Engine.SpringApi.TimerMode.Cpu)
        {
            throw new HarnessInputException(
                null, "--timer-trace gives Spring.GetTimer recorded CPU-time readings, so it needs timer: cpu",
                "a scenario with timer: cpu (the default), without --uninstrumented");
        }

        return TimerTraceFile.Read(path);
    }

    private static IReadOnlyList<LoadedScenario> ShortenedTo(IReadOnlyList<LoadedScenario> scenarios, double seconds)
    {
        if (!(seconds >= ShrinkCandidates.MinimumDurationSeconds))
        {
            throw new HarnessInputException(
                null,
                $"--max-duration {seconds}",
                $"at least {ShrinkCandidates.MinimumDurationSeconds} game second");
        }

        return scenarios
            .Select(s =>
                s.Definition.DurationSeconds <= seconds
                    ? s
                    : s with { Definition = ShrinkCandidates.Shorten(s.Definition, seconds) })
            .ToList();
    }

    private static readonly System.Text.Json.JsonSerializerOptions FittedJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
    };
}
