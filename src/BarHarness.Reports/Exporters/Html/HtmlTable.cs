namespace BarHarness.Reports.Exporters.Html;

/// <summary>Writes a plain HTML table; every header and cell is text and gets escaped.</summary>
internal static class HtmlTable
{
    public static void Write(StringBuilder html, IReadOnlyList<string> headers, IEnumerable<HtmlRow> rows)
    {
        html.Append("<table><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(HtmlText.Escape(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            html.Append(row.CssClass is null ? "<tr>" : $"<tr class=\"{row.CssClass}\">");
            foreach (var cell in row.Cells)
            {
                html.Append("<td>").Append(HtmlText.Escape(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        if (!any)
        {
            html.Append("<tr><td class=\"none\" colspan=\"").Append(headers.Count).Append("\">none</td></tr>");
        }

        html.Append("</tbody></table>");
    }
}

/// <summary>One table row: its cells as text and an optional CSS class (e.g. <c>fail</c>).</summary>
internal sealed record HtmlRow(IReadOnlyList<string> Cells, string? CssClass = null);
