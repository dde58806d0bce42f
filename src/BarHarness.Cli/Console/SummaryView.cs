namespace BarHarness.Cli.Commands;

/// <summary>The end-of-run summary: one row per scenario, then every failing expectation with its reproduce
/// command.</summary>
internal static class SummaryView
{
    /// <summary>Lines of a failed expectation's detail (a traceback, the network story) printed under it.</summary>
    private const int DetailLines = 8;

    public static void Print(RunReport report, IReadOnlyList<string> written)
    {
        var table = new Table()
            .Border(TableBorder.Simple).AddColumn("scenario").AddColumn("result")
            .AddColumn(new TableColumn("CPU p99 ms").RightAligned())
            .AddColumn(new TableColumn("CPU max ms").RightAligned())
            .AddColumn(new TableColumn("real p99 ms").RightAligned())
            .AddColumn(new TableColumn("contention").RightAligned())
            .AddColumn(new TableColumn("heap KiB/min").RightAligned())
            .AddColumn(new TableColumn("msgs").RightAligned());
        foreach (var s in report.Scenarios)
        {
            table.AddRow(
                Markup.Escape(s.Name),
                s.Outcome switch
                {
                    ScenarioOutcome.Pass => "[green]pass[/]",
                    ScenarioOutcome.Fail => "[red]FAIL[/]",
                    _ => "[red]ERROR[/]",
                },
                // What the budget verdicts judge: CPU time over the judged frames; real time beside it.
                (s.Budget.Judged.FrameCpuMicros.P99 / 1000).ToString("0.###"),
                (s.Budget.Judged.FrameCpuMicros.Max / 1000).ToString("0.###"),
                (s.Budget.Judged.FrameRealMicros.P99 / 1000).ToString("0.###"),
                s.Budget.Judged.Contention.ToString("0.00") + "x",
                s.Leak.Slope is { } slope ? (slope.BytesPerMinute / 1024).ToString("0.#") : "-",
                s.Network.Messages.ToString());
        }

        AnsiConsole.Write(table);
        foreach (var s in report.Scenarios)
        {
            if (Reports.Exporters.ReportFormat.BudgetReplay(s) is { } replayed)
            {
                Terminal.Line($"{s.Name}: {replayed}");
            }
        }

        foreach (var s in report.Scenarios.Where(s => s.Outcome != ScenarioOutcome.Pass))
        {
            Terminal.Line($"[red]{ProgressView.Verdict(s.Outcome)}[/] {s.Name} ({s.File})");
            if (s.Error is not null)
            {
                Terminal.Line($"  error: {s.Error}");
            }

            foreach (var e in s.FailedExpectations)
            {
                Terminal.Line($"  {e.Name}: expected {e.Expected}; got {e.Actual}");
                foreach (
                    var line in (e.Detail ?? string.Empty)
                        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                        .Take(DetailLines))
                {
                    Terminal.Line($"    {line.TrimEnd()}");
                }
            }

            Terminal.Line($"  reproduce: {s.ReproduceCommand}");
        }

        var passed = report.Scenarios.Count(s => s.Outcome == ScenarioOutcome.Pass);
        Terminal.Line($"scenarios: {passed} passed, {report.Scenarios.Count - passed} failed");
        foreach (var file in written)
        {
            Terminal.Line($"report: {file}");
        }
    }
}
