namespace BarHarness.Reports.Exporters;

/// <summary>
/// A Markdown summary sized for a CI job summary (e.g. appended to $GITHUB_STEP_SUMMARY): an overview
/// table, then per scenario its failing expectations first, the reproduce command in a code block,
/// and the budget and leak figures. Long per-frame data stays in the HTML report.
/// </summary>
public sealed class MarkdownSummaryExporter : IReportExporter
{
    public string FormatName => "md";

    public string FileName => "summary.md";

    public void Export(RunReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# BarHarness: ")
            .AppendLine(ReportHeadline.Of(report)).AppendLine().Append("Harness ")
            .Append(MarkdownText.Cell(report.ToolVersion)).Append(" · started ")
            .Append(MarkdownText.Cell(report.StartedAt)).Append(" · ")
            .Append(MarkdownText.Cell(report.Machine.OperatingSystem)).Append(", ")
            .Append(report.Machine.ProcessorCount).Append(" cores")
            .Append(report.LuaVm is null ? string.Empty : " · Lua VM " + MarkdownText.Cell(report.LuaVm))
            .AppendLine(
                report.CostModel is null
                    ? string.Empty
                    : $" · cost model R² {ReportFormat.Number(report.CostModel.CalibrationRSquared)}")
            .AppendLine();

        AppendOverview(md, report);
        foreach (
            var scenario in report.Scenarios
                .OrderBy(s => s.Outcome == ScenarioOutcome.Pass)
                .ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            AppendScenario(md, scenario);
        }

        var bytes = new UTF8Encoding(false).GetBytes(md.ToString());
        destination.Write(bytes);
    }

    private static void AppendOverview(StringBuilder md, RunReport report)
    {
        md.Append("| Scenario | Outcome | Frame p99 µs | Frame max µs | Cost p99 | Cost max ")
            .AppendLine("| Over budget | Leak | Expectations |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---|---:|");
        foreach (var s in report.Scenarios)
        {
            var budget = s.Budget;
            md.Append("| ").Append(MarkdownText.Cell(s.Name))
                .Append(" | ").Append(ReportFormat.Outcome(s.Outcome))
                .Append(" | ").Append(ReportFormat.Micros(budget.FrameRealMicros.P99))
                .Append(" | ").Append(ReportFormat.Micros(budget.FrameRealMicros.Max))
                .Append(" | ").Append(ReportFormat.Micros(budget.FrameCost.P99))
                .Append(" | ").Append(ReportFormat.Micros(budget.FrameCost.Max))
                .Append(" | ").Append(ReportFormat.Share(budget.OverBudgetReal.Share))
                .Append(" | ").Append(s.Leak.Verdict)
                .Append(" | ").Append(s.Expectations.Count(e => e.Passed)).Append('/').Append(s.Expectations.Count)
                .AppendLine(" |");
        }

        md.AppendLine();
    }

    private static void AppendScenario(StringBuilder md, ScenarioResult s)
    {
        md.Append("## ")
            .Append(ReportFormat.Outcome(s.Outcome)).Append(": ").AppendLine(MarkdownText.Cell(s.Name)).AppendLine();
        // No code spans here: inside one, GitHub would show the escapes literally.
        md.Append(MarkdownText.Cell(s.File))
            .Append(" · seed ").Append(s.Seed).Append(" · widget sha256 ").Append(MarkdownText.Cell(s.WidgetSha256))
            .Append(" · ").Append(ReportFormat.GameTime(s.DurationGameSeconds)).AppendLine(" game time").AppendLine();

        if (s.Error is { } error)
        {
            md.AppendLine("**Run error**").AppendLine().Append(MarkdownText.CodeBlock(error.ToString())).AppendLine();
        }

        if (s.Expectations.Count > 0)
        {
            md.AppendLine("| Expectation | Result | Expected | Actual | Detail |").AppendLine("|---|---|---|---|---|");
            foreach (var e in s.Expectations.OrderBy(e => e.Passed))
            {
                md.Append("| ").Append(MarkdownText.Cell(e.Name))
                    .Append(" | ").Append(e.Passed ? "pass" : "**FAIL**")
                    .Append(" | ").Append(MarkdownText.Cell(e.Expected))
                    .Append(" | ").Append(MarkdownText.Cell(e.Actual)).Append(" | ").Append(MarkdownText.Cell(e.Detail))
                    .AppendLine(" |");
            }

            md.AppendLine();
        }

        if (ReportFormat.BudgetReplay(s) is { } replayed)
        {
            md.AppendLine(MarkdownText.Cell(replayed)).AppendLine();
        }

        md.Append("Network: ").Append(MarkdownText.Cell(s.NetworkTimeline.Story)).AppendLine(".").AppendLine();

        if (s.Outcome != ScenarioOutcome.Pass)
        {
            md.AppendLine("Reproduce:")
                .AppendLine().Append(MarkdownText.CodeBlock(s.ReproduceCommand, "sh")).AppendLine();
        }

        var b = s.Budget;
        md.Append("Budget ").Append(ReportFormat.Micros(b.BudgetMicros)).Append(" µs: p50/p95/p99/max ")
            .Append(ReportFormat.Micros(b.FrameRealMicros.P50)).Append(" / ")
            .Append(ReportFormat.Micros(b.FrameRealMicros.P95)).Append(" / ")
            .Append(ReportFormat.Micros(b.FrameRealMicros.P99)).Append(" / ")
            .Append(ReportFormat.Micros(b.FrameRealMicros.Max)).Append(" µs real, engine calls ")
            .Append(ReportFormat.Share(b.EngineShare)).Append(" of widget time; ")
            .Append(ReportFormat.Count(b.OverBudgetReal.Frames)).AppendLine(" frames over budget.").AppendLine();

        if (s.Profile.Count > 0)
        {
            md.Append("Heaviest widget function: **")
                .Append(MarkdownText.Cell(s.Profile[0].Function)).Append("** (")
                .Append(ReportFormat.Share(s.Profile[0].Share)).AppendLine(" of samples).").AppendLine();
        }

        md.Append("Leak: **")
            .Append(s.Leak.Verdict).Append("** (").Append(MarkdownText.Cell(s.Leak.VerdictReason)).AppendLine(").")
            .AppendLine();
    }
}
