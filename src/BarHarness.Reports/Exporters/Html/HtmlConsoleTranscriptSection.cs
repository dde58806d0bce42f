namespace BarHarness.Reports.Exporters.Html;

/// <summary>index.html: the widget's whole console log of one scenario (distinct lines with counts, bounded).</summary>
internal static class HtmlConsoleTranscriptSection
{
    public static void Write(StringBuilder html, ConsoleTranscript c)
    {
        html.Append("<h4>Console log</h4><p>").Append(ReportFormat.Count(c.TotalLines)).Append(" lines written, ")
            .Append(ReportFormat.Count(c.Lines.Count)).Append(" distinct shown in order of first appearance (at most ")
            .Append(ReportFormat.Count(ConsoleTranscript.MaxDistinctLines)).Append(" distinct lines of at most ")
            .Append(ReportFormat.Count(ConsoleTranscript.MaxLineLength)).Append(" characters); ")
            .Append(ReportFormat.Count(c.LinesLeftOut)).Append(" left out.</p>");
        HtmlTable.Write(
            html,
            ["first frame", "last frame", "count", "source", "line"],
            c.Lines.Select(l => new HtmlRow([
                ReportFormat.Count(l.FirstFrame), ReportFormat.Count(l.LastFrame), ReportFormat.Count(l.Count),
                l.Source, l.Text,
            ])));
    }
}
