namespace BarHarness.Reports.Exporters.Html;

/// <summary>Escapes any text for HTML element content and attribute values (quotes included).</summary>
internal static class HtmlText
{
    public static string Escape(string? text) => HtmlEscaping.Escape(text);
}
