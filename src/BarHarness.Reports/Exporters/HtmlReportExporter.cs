using BarHarness.Reports.Exporters.Html;

namespace BarHarness.Reports.Exporters;

/// <summary>
/// A self-contained index.html: inline CSS and hand-drawn inline SVG charts, no scripts and no
/// external assets (sections fold with &lt;details&gt;). Every text from the model is escaped; long
/// series are downsampled to min/max per pixel so a two-hour run stays well under a megabyte.
/// </summary>
public sealed class HtmlReportExporter : IReportExporter
{
    public string FormatName => "html";

    public string FileName => "index.html";

    public void Export(RunReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        var headline = ReportHeadline.Of(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>BarHarness report: ").Append(HtmlText.Escape(headline)).Append("</title>")
            .Append("<style>").Append(ReportStyles.Css).Append("</style></head><body>")
            .Append("<h1>BarHarness report: ").Append(HtmlText.Escape(headline)).Append("</h1>");
        WriteRunFacts(html, report);
        WriteOverview(html, report);
        for (var i = 0; i < report.Scenarios.Count; i++)
        {
            HtmlScenarioSection.Write(html, report.Scenarios[i], i);
        }

        html.Append("</body></html>\n");
        destination.Write(new UTF8Encoding(false).GetBytes(html.ToString()));
    }

    private static void WriteRunFacts(StringBuilder html, RunReport report)
    {
        var m = report.Machine;
        html.Append("<p class=\"facts\">Harness ").Append(HtmlText.Escape(report.ToolVersion))
            .Append(" · started ").Append(HtmlText.Escape(report.StartedAt))
            .Append(" · ").Append(HtmlText.Escape(m.OperatingSystem)).Append(", ").Append(HtmlText.Escape(m.Runtime))
            .Append(", ").Append(m.ProcessorCount.ToString(CultureInfo.InvariantCulture)).Append(" cores");
        if (report.LuaVm is not null)
        {
            html.Append(" · Lua VM ").Append(HtmlText.Escape(report.LuaVm));
        }
        if (m.ProcessorName is not null)
        {
            html.Append(" (").Append(HtmlText.Escape(m.ProcessorName)).Append(')');
        }

        if (report.CostModel is { } cost)
        {
            html.Append(" · cost model: ")
                .Append(ReportFormat.Number(cost.PerInstruction * 1000)).Append(" µs/1k instructions, ")
                .Append(ReportFormat.Number(cost.PerEngineCall)).Append(" µs/engine call, ")
                .Append(ReportFormat.Number(cost.PerAllocByte * 1000)).Append(" µs/KB, ")
                .Append(ReportFormat.Number(cost.PerAllocation)).Append(" µs/allocation, R² ")
                .Append(ReportFormat.Number(cost.CalibrationRSquared));
        }

        html.Append("</p>");
    }

    /// <summary>Table cells of text that is already markup-safe (numbers, names of outcomes).</summary>
    private static void Cells(StringBuilder html, params string[] cells)
    {
        foreach (var cell in cells)
        {
            html.Append("<td>").Append(cell).Append("</td>");
        }
    }

    private static void WriteOverview(StringBuilder html, RunReport report)
    {
        html.Append("<table><thead><tr><th>Scenario</th><th>Outcome</th><th>frame p99 µs</th><th>frame max µs</th>")
            .Append("<th>cost p99</th><th>over budget</th><th>leak</th><th>expectations</th></tr></thead><tbody>");
        for (var i = 0; i < report.Scenarios.Count; i++)
        {
            var s = report.Scenarios[i];
            html.Append(s.Outcome == ScenarioOutcome.Pass ? "<tr>" : "<tr class=\"fail\">")
                .Append("<td><a href=\"#s").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append(HtmlText.Escape(s.Name)).Append("</a></td>");
            var passed = s.Expectations.Count(e => e.Passed).ToString(CultureInfo.InvariantCulture);
            var expectations = s.Expectations.Count.ToString(CultureInfo.InvariantCulture);
            Cells(
                html,
                ReportFormat.Outcome(s.Outcome),
                ReportFormat.Micros(s.Budget.FrameRealMicros.P99),
                ReportFormat.Micros(s.Budget.FrameRealMicros.Max),
                ReportFormat.Micros(s.Budget.FrameCost.P99),
                ReportFormat.Share(s.Budget.OverBudgetReal.Share),
                s.Leak.Verdict.ToString(),
                passed + "/" + expectations);
            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }
}
