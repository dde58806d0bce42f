namespace BarHarness.Cli.Tests;

public sealed class LoadCommandTests
{
    private const string Info =
        "function widget:GetInfo() return { name = 'probe [red]', layer = 0, enabled = true } end\n";

    [Fact]
    public void Load_prints_the_infolog_with_the_traceback_then_timing_for_defined_call_ins_heap_and_network()
    {
        var widget = Widget(Info + """
            function widget:Initialize() Spring.Echo('[red]hello[/] from Initialize') end
            local function deeper() local t = nil; return t.x end
            function widget:GameFrame(n) if n == 45 then deeper() end end
            """);

        var (exit, output) = CliRunner.RunCapturing("load", widget, "--frames", "90", "--units", "10");

        Assert.Equal(ExitCodes.ExpectationFailed, exit);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.EndsWith("[f=0000000] [red]hello[/] from Initialize", StringComparison.Ordinal));
        const string Error = "[f=0000045] Error in GameFrame(): [string \"LuaUI/Widgets/w.lua\"]:3: attempt to index";
        Assert.Contains(lines, l => l.Contains(Error, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("stack traceback:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("Removed widget: probe [red]", StringComparison.Ordinal));
        var timingAt = output.IndexOf("timing", StringComparison.Ordinal);
        var timing = output[timingAt..output.IndexOf("handler work", StringComparison.Ordinal)];
        Assert.Contains("GameFrame", timing, StringComparison.Ordinal);
        Assert.DoesNotContain("DrawScreen", timing, StringComparison.Ordinal);
        Assert.DoesNotContain("Update", timing, StringComparison.Ordinal);
        Assert.Contains("heap after full collection at the end:", output, StringComparison.Ordinal);
        Assert.Contains("network: the widget never created a socket", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_runs_a_single_frame_and_shows_the_connect_on_the_network_timeline()
    {
        var widget = Widget(Info + """
            local client
            function widget:Initialize()
              client = socket.tcp(); client:settimeout(0); client:connect('127.0.0.1', 8765)
            end
            function widget:Update() socket.select({ client }, nil, 0) end
            function widget:Shutdown() client:close() end
            """);

        var (exit, output) = CliRunner.RunCapturing("load", widget, "--frames", "1", "--units", "5");

        Assert.Equal(ExitCodes.Passed, exit);
        const string Connect = "widget connect: #1 127.0.0.1:8765 returned nil, \"timeout\"";
        Assert.Contains(Connect, output, StringComparison.Ordinal);
        Assert.Contains("server accept: connection 1", output, StringComparison.Ordinal);
        Assert.Contains("network: connected at 0.03 s; the widget sent 0 bytes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_refuses_zero_frames_as_bad_input()
    {
        Assert.Equal(ExitCodes.BadInput, CliRunner.Run("load", Widget(Info), "--frames", "0"));
    }

    [Fact]
    public void Load_with_game_resolves_includes_from_the_mounted_tree_and_fails_without_it()
    {
        var tree = Path.Combine(CliRunner.TempDir(), "bar-tree");
        Directory.CreateDirectory(Path.Combine(tree, "luaui", "Include"));
        File.WriteAllText(Path.Combine(tree, "luaui", "Include", "helper.lua"), "return { answer = 42 }");
        var widget = Widget(Info + """
            local helper = VFS.Include('LuaUI/Include/Helper.lua')
            function widget:Initialize() Spring.Echo('answer ' .. helper.answer) end
            """);

        var (mountedExit, mounted) =
            CliRunner.RunCapturing("load", widget, "--frames", "1", "--units", "5", "--game", tree);
        var (bareExit, bare) = CliRunner.RunCapturing("load", widget, "--frames", "1", "--units", "5");

        Assert.Equal(ExitCodes.Passed, mountedExit);
        Assert.Contains("answer 42", mounted, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ExpectationFailed, bareExit);
        Assert.Contains("Couldn't open LuaUI/Include/Helper.lua", bare, StringComparison.Ordinal);
    }

    private static string Widget(string source)
    {
        var path = Path.Combine(CliRunner.TempDir(), "w.lua");
        File.WriteAllText(path, source);
        return path;
    }
}
