namespace BarHarness.Reports.Exporters;

/// <summary>
/// Escapes the five characters that matter in HTML text and attribute values (&amp; &lt; &gt; " ')
/// after making the text legal (see <see cref="XmlCharacters"/>). Everything else, µ included, stays
/// as written: the files are UTF-8.
/// </summary>
public static class HtmlEscaping
{
    public static string Escape(string? text)
    {
        var clean = XmlCharacters.Clean(text);
        if (clean.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return clean;
        }

        var escaped = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
