using BarHarness.LuaHost.Widgets;
using BarHarness.Scenarios.Probes;

namespace BarHarness.Cli.Console;

/// <summary>
/// A run's console as BAR's infolog.txt shows it: the widget's own lines, and what BAR's widget handler
/// prints when a widget fails ("Failed to load: x.lua  (error)", "Error in GameFrame(): error" with the
/// traceback, "Removed widget: name"), each stamped <c>[t=game time][f=frame]</c> and in frame order.
/// </summary>
public static class Infolog
{
    public static IReadOnlyList<string> Lines(LifecycleProbe lifecycle, ConsoleProbe console)
    {
        var entries = new List<(long Frame, int Order, string Text)>();
        var order = 0;
        foreach (var load in lifecycle.LoadResults.Where(l => !l.IsLoaded))
        {
            var file = Path.GetFileName(load.File);
            var text = load.Status switch
            {
                WidgetLoadStatus.Dropped => $"{file}: the chunk returned false (BAR drops it silently)",
                WidgetLoadStatus.RemovedDuringInitialize =>
                    $"Removed widget: {load.Name} (it removed itself in Initialize)",
                WidgetLoadStatus.NotLoadableInBar =>
                    $"Failed to load: {file}  ({string.Join("; ", load.SyntaxIssues)})",
                _ when load.Stage is "Initialize" or "SetConfigData" => $"Error in {load.Stage}(): {load.Message}",
                _ => $"Failed to load: {file}  ({load.Message})",
            };
            entries.Add((0, order++, text + Traceback(load.Traceback)));
        }

        foreach (var line in console.Lines)
        {
            entries.Add((line.Frame, order++, line.Text));
        }

        foreach (var e in lifecycle.WidgetEvents)
        {
            var text = e.Kind switch
            {
                WidgetEventKind.Error => $"Error in {e.CallIn}(): {e.Message}" + Traceback(e.Traceback),
                WidgetEventKind.Removed => $"Removed widget: {e.Widget}",
                _ => $"{e.Widget}: {e.Message}",
            };
            if (e.Kind == WidgetEventKind.Removed && e.CallIn != "error")
            {
                continue; // shutdown, unload, reload or the widget removing itself: BAR logs none of them
            }

            entries.Add((e.Frame, order++, text));
        }

        if (console.LineCount > console.Lines.Count)
        {
            var notKept = console.LineCount - console.Lines.Count;
            entries.Add((long.MaxValue, order, $"({notKept} more lines not kept)"));
        }

        return entries.OrderBy(e => e.Frame).ThenBy(e => e.Order).Select(e => Stamp(e.Frame) + e.Text).ToList();
    }

    private static string Stamp(long frame)
    {
        if (frame == long.MaxValue)
        {
            return string.Empty;
        }

        var t = TimeSpan.FromSeconds(frame / 30.0);
        var micros = t.Microseconds + (t.Milliseconds * 1000);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[t={(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}.{micros:000000}][f={frame:0000000}] ");
    }

    private static string Traceback(string? traceback) =>
        string.IsNullOrWhiteSpace(traceback) ? string.Empty : Environment.NewLine + traceback.TrimEnd();
}
