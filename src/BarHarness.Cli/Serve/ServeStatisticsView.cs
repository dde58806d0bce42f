using Spectre.Console.Rendering;

namespace BarHarness.Cli.Serve;

/// <summary>Renders <see cref="ServeStatistics"/>: a Spectre table for terminals, one plain line for CI logs.</summary>
public static class ServeStatisticsView
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IRenderable Table(ServeStatistics s, string? legend)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"barharness serve on {Markup.Escape(s.Endpoint)}")
            .AddColumn("statistic").AddColumn(new TableColumn("value"));
        var stateColor = s.State switch
        {
            ServeConnectionState.Connected => "green",
            ServeConnectionState.Refusing => "red",
            _ => "yellow",
        };
        table.AddRow("connection", $"[{stateColor}]{s.State}[/] ({s.OpenConnections} open, {s.Connections} accepted)");
        table.AddRow("uptime", s.Uptime.ToString(@"hh\:mm\:ss", Invariant));
        table.AddRow(
            "messages",
            $"{s.Messages.ToString(Invariant)} ({s.MessagesPerSecond.ToString("0.0", Invariant)}/s)");
        table.AddRow(
            "bytes",
            $"{s.Bytes.ToString(Invariant)} ({(s.BytesPerSecond / 1024).ToString("0.0", Invariant)} KiB/s)");
        table.AddRow("units (last snapshot)", s.UnitsInLastSnapshot.ToString(Invariant));
        table.AddRow(
            "last seq / frame",
            $"{s.LastSeq?.ToString(Invariant) ?? "-"} / {s.LastFrame?.ToString(Invariant) ?? "-"}");
        table.AddRow(
            "seq gaps (undeclared)",
            $"{s.SeqGaps.ToString(Invariant)} ({s.UndeclaredSeqGaps.ToString(Invariant)})");
        table.AddRow("invalid messages", Colored(s.InvalidMessages));
        table.AddRow("violations", Colored(s.Violations));
        table.AddRow(
            "by type",
            Markup.Escape(
                string.Join(
                    ", ",
                    s.MessagesByType.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))));
        table.AddRow(
            "active faults",
            s.ActiveFaults.Count == 0
                ? "[grey]none[/]"
                : $"[red]{Markup.Escape(string.Join(", ", s.ActiveFaults))}[/]");
        table.AddRow("recorded lines", s.RecordedLines.ToString(Invariant));
        foreach (var v in s.RecentViolations.TakeLast(5))
        {
            table.AddRow("[red]violation[/]", Markup.Escape(Describe(v)));
        }

        return legend is null ? table : new Rows(table, new Markup($"[grey]{Markup.Escape(legend)}[/]"));
    }

    public static string Line(ServeStatistics s) =>
        string.Create(Invariant, $"serve {s.Uptime.TotalSeconds:0.0}s {s.State} conns={s.Connections} ")
        + string.Create(Invariant, $"msgs={s.Messages} ({s.MessagesPerSecond:0.0}/s) ")
        + string.Create(Invariant, $"bytes={s.Bytes} ({s.BytesPerSecond:0}/s) units={s.UnitsInLastSnapshot} ")
        + string.Create(Invariant, $"gaps={s.SeqGaps}/{s.UndeclaredSeqGaps} invalid={s.InvalidMessages} ")
        + string.Create(Invariant, $"violations={s.Violations} faults=[{string.Join(",", s.ActiveFaults)}] ")
        + string.Create(Invariant, $"recorded={s.RecordedLines}");

    public static string Describe(BarHarness.TestServer.Oracle.StreamViolation v) =>
        string.Create(
            Invariant,
            $"SCHEMA {v.RuleId} {v.Kind} conn {v.ConnectionId} seq {v.Seq?.ToString(Invariant) ?? "-"}: {v.Detail}");

    private static string Colored(long count) => count == 0 ? "0" : $"[red]{count.ToString(Invariant)}[/]";
}
