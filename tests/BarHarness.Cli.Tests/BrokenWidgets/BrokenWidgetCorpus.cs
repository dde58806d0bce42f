namespace BarHarness.Cli.Tests.BrokenWidgets;

/// <summary>Widgets that go wrong the ways a newcomer's first widget does, each as its source text.</summary>
internal static class BrokenWidgetCorpus
{
    private const string Info =
        "function widget:GetInfo() return { name = 'broken [red]', layer = 0, enabled = true } end\n";

    /// <summary>Call-ins the harness drives in a short game, each raising with markup-like text.</summary>
    public static readonly string[] CallIns =
        ["Initialize", "GameFrame", "Update", "DrawScreen", "Shutdown", "UnitCreated"];

    public static IEnumerable<(string Name, string Source)> All()
    {
        yield return ("syntax-error", "function widget:GetInfo( return {} end\n");
        yield return ("lua52-syntax", Info + "local a = 7 // 2\n");
        yield return ("chunk-raises", "error('[string \"x\"]:1: [red]chunk raises[/] [bold')\n");
        yield return ("chunk-raises-a-table", "error({ code = 1 })\n");
        yield return ("getinfo-raises", "function widget:GetInfo() error('[string] no info') end\n");
        yield return ("chunk-returns-false", Info + "return false\n");
        foreach (var callIn in CallIns)
        {
            var source = $"function widget:{callIn}() error('[string] [red]boom[/] in {callIn} [') end\n";
            yield return ("raises-in-" + callIn, Info + source);
        }

        yield return ("echo-markup", Info
            + "function widget:Initialize() Spring.Echo('[red]not a style[/] [string] [bold') end\n"
            + "function widget:GameFrame(n) Spring.Echo('[' .. n .. '] [/]') end\n");
        yield return ("endless-loop", Info
            + "function widget:GameFrame(n) if n == 10 then while true do end end end\n");
        yield return ("memory-bomb", Info + "function widget:GameFrame(n)\n  local t, s = {}, 'xxxxxxxx'\n"
            + "  while true do s = s .. s; t[#t + 1] = s end\nend\n");
        yield return ("unimplemented-engine-call", Info
            + "function widget:Initialize() Spring.NoSuchFunction('[red]') end\n");
    }

    public static string Write(string folder, string name, string source)
    {
        var path = Path.Combine(folder, name + ".lua");
        File.WriteAllText(path, source);
        return path;
    }
}
