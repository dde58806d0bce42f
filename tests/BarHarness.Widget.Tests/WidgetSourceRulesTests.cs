using System.Text.RegularExpressions;

namespace BarHarness.Widget.Tests;

/// <summary>
/// Rules BAR imposes that a syntax check cannot see: no require (widgets only get the global
/// socket), nothing that blocks the game, no Lua-only string quoting on the wire.
/// </summary>
public sealed partial class WidgetSourceRulesTests
{
    public static TheoryData<string> WidgetFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepositoryLayout.WidgetLuaFiles())
        {
            data.Add(Path.GetRelativePath(RepositoryLayout.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WidgetFiles))]
    public void Widget_file_never_calls_require(string relativePath)
    {
        var offending = CodeLines(relativePath).Where(l => Require().IsMatch(l.Text)).ToList();
        Assert.True(offending.Count == 0, Describe(relativePath, offending, "require is unavailable to BAR widgets"));
    }

    [Theory]
    [MemberData(nameof(WidgetFiles))]
    public void Widget_file_makes_no_blocking_socket_call(string relativePath)
    {
        var offending = CodeLines(relativePath)
            .Where(l => Sleep().IsMatch(l.Text)
                || (SetTimeout().Match(l.Text) is { Success: true } m && m.Groups["value"].Value != "0")
                || (SelectTimeout().Match(l.Text) is { Success: true } s && s.Groups["value"].Value != "0"))
            .ToList();
        Assert.True(offending.Count == 0, Describe(relativePath, offending, "blocking calls freeze the game"));
    }

    [Theory]
    [MemberData(nameof(WidgetFiles))]
    public void Widget_file_never_uses_percent_q(string relativePath)
    {
        var offending = CodeLines(relativePath).Where(l => l.Text.Contains("%q", StringComparison.Ordinal)).ToList();
        Assert.True(offending.Count == 0, Describe(relativePath, offending, "%q output is not JSON"));
    }

    [Fact]
    public void Widget_declares_its_info_and_registers_the_livedata_action()
    {
        var main = File.ReadAllText(Path.Combine(RepositoryLayout.WidgetDirectory, "export_livedata.lua"));
        Assert.Contains("function widget:GetInfo()", main, StringComparison.Ordinal);
        Assert.Contains("widgetHandler:AddAction(\"livedata\"", main, StringComparison.Ordinal);
        Assert.Contains("WG.LiveDataExport", main, StringComparison.Ordinal);
    }

    private sealed record CodeLine(int Number, string Text);

    // Comments are stripped so that prose about forbidden calls does not trip the rules.
    private static List<CodeLine> CodeLines(string relativePath) =>
        File.ReadAllLines(Path.Combine(RepositoryLayout.Root, relativePath))
            .Select((text, i) => new CodeLine(i + 1, StripComment(text)))
            .Where(l => l.Text.Length > 0)
            .ToList();

    private static string StripComment(string line)
    {
        var index = line.IndexOf("--", StringComparison.Ordinal);
        return (index >= 0 ? line[..index] : line).Trim();
    }

    private static string Describe(string file, IEnumerable<CodeLine> lines, string why) =>
        $"{file}: {why}:\n" + string.Join('\n', lines.Select(l => $"  {file}:{l.Number}: {l.Text}"));

    [GeneratedRegex(@"\brequire\s*[\(""']")]
    private static partial Regex Require();

    [GeneratedRegex(@"\bsleep\s*\(")]
    private static partial Regex Sleep();

    [GeneratedRegex(@"settimeout\s*\(\s*(?<value>[^)\s]+)")]
    private static partial Regex SetTimeout();

    [GeneratedRegex(@"select\s*,\s*nil\s*,\s*\{[^}]*\}\s*,\s*(?<value>[^)\s]+)"
        + @"|\.select\s*\([^,]*,[^,]*,\s*(?<value>[^)\s]+)")]
    private static partial Regex SelectTimeout();
}
