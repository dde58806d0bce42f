namespace BarHarness.Reports.Exporters;

/// <summary>Makes text safe inside GitHub-flavoured Markdown table cells and code fences.</summary>
public static class MarkdownText
{
    /// <summary>HTML-escapes (GitHub renders inline HTML), escapes pipes and keeps the cell on one line.</summary>
    public static string Cell(string? text)
    {
        var cleaned = HtmlEscaping.Escape(text);
        return cleaned.Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r\n", "<br>", StringComparison.Ordinal)
            .Replace("\n", "<br>", StringComparison.Ordinal)
            .Replace("\r", "<br>", StringComparison.Ordinal)
            .Replace("`", "&#96;", StringComparison.Ordinal);
    }

    /// <summary>A fenced code block whose fence is longer than any backtick run in the content.</summary>
    public static string CodeBlock(string? content, string language = "")
    {
        var text = XmlCharacters.Clean(content);
        var longestRun = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }

        var fence = new string('`', Math.Max(3, longestRun + 1));
        return $"{fence}{language}\n{text}\n{fence}\n";
    }
}
