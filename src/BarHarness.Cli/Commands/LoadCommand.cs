using BarHarness.LuaHost.Widgets;
using BarHarness.Scenarios.Probes;

namespace BarHarness.Cli.Commands;

/// <summary>
/// <c>barharness load WIDGET.lua</c>: BAR on your desk. Loads any widget in a synthetic game, runs it,
/// and prints what BAR's infolog would show (its console lines, errors with tracebacks), then timing
/// for the call-ins the widget defines, the heap, and what it did on the network.
/// </summary>
internal static class LoadCommand
{
    private const int TimelineLinesShown = 12;

    public static Command Create()
    {
        var widget = DescribedOption.Argument<string>("widget", "The widget file");
        var adHoc = new AdHocScenario(
            "load", units: 200, frames: 300, "Sim frames to run (30 a game second; at least 1)");
        const string Summary = "Load a widget, run it and print its infolog, timing per call-in, heap and network";
        var command = new Command("load", Summary)
        {
            widget, adHoc.Frames, adHoc.Units, adHoc.Seed, adHoc.Spectator, adHoc.Game,
        };
        command.SetAction(parse =>
        {
            GameOption.Apply(parse, adHoc.Game);
            var path = Path.GetFullPath(parse.GetValue(widget)!);
            if (!File.Exists(path))
            {
                throw new HarnessInputException(null, $"widget file not found: {path}", "an existing .lua file");
            }

            var frames = parse.GetValue(adHoc.Frames);
            if (frames < 1)
            {
                throw new HarnessInputException(null, $"--frames {frames}", "at least 1 sim frame");
            }

            var scenario = adHoc.Parse(parse);
            var options = new RunOptions
            {
                RepoRoot = RepoLocator.Find(),
                WidgetOverride = path,
                DescribeReproduction = ReproduceCommandLine.Format,
            };
            var (result, probes, _, _) = Simulation.Play(scenario, options);
            Terminal.Line($"Lua VM: {LuaVm.ActiveName} ({LuaVm.ActiveDescription})");
            if (probes is null)
            {
                Terminal.Line($"[red]error[/] {result.Error}");
                return ExitCodes.ExpectationFailed;
            }

            PrintInfolog(probes);
            PrintTiming(result, probes.Lifecycle);
            var heap = probes.Memory.Heap.LastOrDefault();
            Terminal.Line($"[bold]heap[/] after full collection at the end: {(heap?.Bytes ?? 0) / 1024.0:0.0} KiB");
            PrintNetwork(result.NetworkTimeline);
            foreach (var (name, count) in probes.Lifecycle.UnimplementedCalls)
            {
                Terminal.Line($"[yellow]unimplemented[/] {name} called {count} time(s): not in BarHarness yet");
            }

            var failed = probes.Lifecycle.LoadResults.Any(l => !l.IsLoaded)
                || probes.Lifecycle.WidgetEvents.Any(e => e.Kind == WidgetEventKind.Error);
            return failed ? ExitCodes.ExpectationFailed : ExitCodes.Passed;
        });
        return command;
    }

    private static void PrintInfolog(ProbeSet probes)
    {
        var errors = probes.Lifecycle.WidgetEvents.Count(e => e.Kind == WidgetEventKind.Error);
        Terminal.Line($"[bold]infolog[/] ({probes.Console.LineCount} console lines, {errors} errors)");
        foreach (var line in Infolog.Lines(probes.Lifecycle, probes.Console))
        {
            AnsiConsole.Profile.Out.Writer.WriteLine(line); // plain text: the widget's words, never markup
        }

        AnsiConsole.WriteLine();
    }

    private static void PrintTiming(ScenarioResult result, LifecycleProbe lifecycle)
    {
        var defined = lifecycle.CallInsDefinedByWidget;
        var table = new Table().Border(TableBorder.Simple).AddColumn("call-in")
            .AddColumn(new TableColumn("calls").RightAligned())
            .AddColumn(new TableColumn("mean µs").RightAligned())
            .AddColumn(new TableColumn("p99 µs").RightAligned())
            .AddColumn(new TableColumn("max µs").RightAligned());
        foreach (var c in result.Budget.CallIns.Where(c => defined.Contains(c.CallIn)))
        {
            table.AddRow(
                Markup.Escape(c.CallIn),
                c.Calls.ToString(CultureInfo.InvariantCulture),
                c.RealMicros.Mean.ToString("0.0", CultureInfo.InvariantCulture),
                c.RealMicros.P99.ToString("0.0", CultureInfo.InvariantCulture),
                c.RealMicros.Max.ToString("0.0", CultureInfo.InvariantCulture));
        }

        Terminal.Line($"[bold]timing[/] of the call-ins the widget defines (real time, instrumented VM)");
        AnsiConsole.Write(table);
        var handler = lifecycle.HandlerOnlyMicros;
        Terminal.Line($"handler work (shutdown, config, call-ins the widget lacks): {handler:0.0} µs in all");
    }

    private static void PrintNetwork(NetworkTimeline t)
    {
        Terminal.Line($"[bold]network[/]: {t.Story}");
        Terminal.Line($"  sent {t.WidgetBytesSent} bytes, received {t.WidgetBytesReceived} bytes");
        Terminal.Line($"  {t.SocketsCreated} socket(s), {t.ConnectAttempts} connect(s), {t.ServerAccepts} accepted");
        foreach (var e in t.Entries.Take(TimelineLinesShown))
        {
            Terminal.Line($"  {e.GameSeconds,8:0.000} s  {e.Side,-6} {e.Event}: {e.Detail}");
        }

        if (t.Entries.Count > TimelineLinesShown)
        {
            var more = t.Entries.Count - TimelineLinesShown + t.EntriesLeftOut;
            Terminal.Line($"  ... {more} more events (barharness run writes them all to the report)");
        }
    }
}
