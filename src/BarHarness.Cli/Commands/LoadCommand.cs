using System.CommandLine;
using System.Globalization;
using BarHarness.Cli.Console;
using BarHarness.Scenarios.Definition;
using BarHarness.Scenarios.Running;
using Spectre.Console;

namespace BarHarness.Cli.Commands;

/// <summary>
/// <c>barharness load WIDGET.lua</c>: loads any widget in a synthetic game, runs it and prints per-call-in
/// timing, errors with tracebacks (as BAR would show them) and the heap at the end.
/// </summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var widget = new Argument<string>("widget") { Description = "The widget file" };
        var frames = new Option<int>("--frames") { DefaultValueFactory = _ => 300, Description = "Sim frames to run (30 a game second)" };
        var units = new Option<int>("--units") { DefaultValueFactory = _ => 200, Description = "Units on the map" };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => 1, Description = "World seed" };
        var spectator = new Option<bool>("--spectator") { Description = "Local player is a full-view spectator" };
        var command = new Command("load", "Load a widget, run it and print timing per call-in, errors and heap") { widget, frames, units, seed, spectator };
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(widget)!);
            if (!File.Exists(path))
            {
                throw new BarHarness.Core.Diagnostics.HarnessInputException(null, $"widget file not found: {path}", "an existing .lua file");
            }

            var yaml = AdHocScenario.Yaml("load", parse.GetValue(frames) / 30.0, parse.GetValue(units), parse.GetValue(spectator), parse.GetValue(seed));
            var scenario = new LoadedScenario("(load)", ScenarioLoader.Parse(yaml, "(load)"));
            var run = new ScenarioRun(scenario, new RunOptions { RepoRoot = RepoLocator.Find(), WidgetOverride = path });
            var result = run.Execute();
            var observation = run.Observation;
            var vmName = BarHarness.LuaHost.Interop.LuaVm.ActiveName;
            AnsiConsole.MarkupLineInterpolated($"Lua VM: {vmName} ({BarHarness.LuaHost.Interop.LuaVm.ActiveDescription})");
            foreach (var load in observation?.LoadResults ?? [])
            {
                AnsiConsole.MarkupLineInterpolated($"{load.Describe()}");
                foreach (var issue in load.SyntaxIssues)
                {
                    AnsiConsole.MarkupLineInterpolated($"  {issue}");
                }

                if (load.Traceback is not null)
                {
                    AnsiConsole.WriteLine(load.Traceback);
                }
            }

            var table = new Table().Border(TableBorder.Simple).AddColumn("call-in").AddColumn(new TableColumn("calls").RightAligned())
                .AddColumn(new TableColumn("mean µs").RightAligned()).AddColumn(new TableColumn("p99 µs").RightAligned()).AddColumn(new TableColumn("max µs").RightAligned());
            foreach (var c in result.Budget.CallIns)
            {
                table.AddRow(c.CallIn, c.Calls.ToString(CultureInfo.InvariantCulture), c.RealMicros.Mean.ToString("0.0", CultureInfo.InvariantCulture), c.RealMicros.P99.ToString("0.0", CultureInfo.InvariantCulture), c.RealMicros.Max.ToString("0.0", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            foreach (var e in observation?.WidgetEvents ?? [])
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]{e.Kind}[/] {e.Widget} in {e.CallIn} at frame {e.Frame}: {e.Message}");
                if (e.Traceback is not null)
                {
                    AnsiConsole.WriteLine(e.Traceback);
                }
            }

            foreach (var (name, count) in observation?.UnimplementedCalls ?? new Dictionary<string, int>())
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]unimplemented[/] {name} called {count} time(s)");
            }

            var heap = observation?.Heap.LastOrDefault();
            AnsiConsole.MarkupLineInterpolated($"heap at the end: {(heap?.Bytes ?? 0) / 1024.0:0.0} KiB; console lines: {observation?.ConsoleLineCount ?? 0}");
            var failed = observation is null || observation.LoadResults.Any(l => !l.IsLoaded) || observation.WidgetEvents.Any(e => e.Kind == BarHarness.LuaHost.Widgets.WidgetEventKind.Error);
            return failed ? ExitCodes.ExpectationFailed : ExitCodes.Passed;
        });
        return command;
    }
}
