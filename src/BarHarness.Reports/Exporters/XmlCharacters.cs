namespace BarHarness.Reports.Exporters;

/// <summary>
/// Makes arbitrary text (widget error messages, hostile scenario names) legal XML 1.0 character data:
/// characters XML forbids — most C0 controls, lone surrogates, U+FFFE/U+FFFF — become U+FFFD.
/// Escaping of &lt; &amp; and quotes is left to the XML writer.
/// </summary>
public static class XmlCharacters
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var legalPair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (legalPair)
            {
                cleaned?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            var legal =
                c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (legal)
            {
                cleaned?.Append(c);
                continue;
            }

            cleaned ??= new StringBuilder(text.Length).Append(text, 0, i);
            cleaned.Append('\uFFFD');
        }

        return cleaned?.ToString() ?? text;
    }
}
