using BarHarness.LuaHost.Widgets;

namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>
/// Broken user widgets: each run must end with a result (no exception escapes the runner), a clear
/// error naming the file and line where there is one, and the widget removed as BAR's handler does.
/// </summary>
public sealed class FuzzedWidgetTests
{
    private const string FileName = "fuzz_widget.lua";

    private static readonly string Scenario = TwoTeamGame.Yaml("trust-fuzzed-widget", 62001, 3, 10, 4);

    private const string Header = """
        function widget:GetInfo()
        	return { name = "Fuzzed", desc = "broken on purpose", author = "trust", layer = 0, enabled = true }
        end
        local broken = nil

        """;

    // Header is 5 lines: the faulty statement of every call-in below sits on line 7.
    private const int FaultLine = 7;

    public static IEnumerable<object[]> CallIns() =>
    [
        ["Initialize", "function widget:Initialize()"],
        ["GameFrame", "function widget:GameFrame(n)"],
        ["Update", "function widget:Update(dt)"],
        ["DrawScreen", "function widget:DrawScreen()"],
        ["UnitCreated", "function widget:UnitCreated(unitID, unitDefID, team)"],
    ];

    [Theory]
    [MemberData(nameof(CallIns))]
    public void Runtime_error_in_a_call_in_names_file_and_line_and_removes_the_widget(
        string callIn, string signature)
    {
        var run = Run(Header + "\n" + signature + "\n\treturn broken.field\nend\n");

        // An error during load (Initialize) ends the run with a RunError; later ones are widget events.
        var error = run.Probes.Lifecycle.WidgetEvents.FirstOrDefault(e => e.Kind == WidgetEventKind.Error);
        var text = error?.Message ?? run.Result.Error?.Message ?? string.Empty;
        Assert.True(
            text.Contains(Where(FaultLine), StringComparison.Ordinal),
            $"{callIn}: the error must name {Where(FaultLine)} got '{text}'");
        Assert.Contains("attempt to index", text, StringComparison.Ordinal);
        if (error is not null)
        {
            Assert.Equal(callIn, error.CallIn);
        }

        Assert.False(run.Probes.Lifecycle.LoadedAtEnd, $"{callIn}: the widget should have been removed");
    }

    [Fact]
    public void Runtime_error_in_Shutdown_is_reported_without_crashing_the_run()
    {
        var run = Run(Header + "\nfunction widget:Shutdown()\n\treturn broken.field\nend\n");

        Assert.NotNull(run.Result);
        var events = run.Probes.Lifecycle.WidgetEvents;
        var error = events.FirstOrDefault(e => e.Kind == WidgetEventKind.Error && e.CallIn == "Shutdown");
        Assert.True(
            error is not null,
            "an error in Shutdown must be recorded: "
                + string.Join("; ", events.Select(e => $"{e.Kind} {e.CallIn} {e.Message}")));
        Assert.Contains(Where(FaultLine), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("function widget:Initialize(\n\tlocal x = 1\nend\n", 7)]
    [InlineData("function widget:GameFrame(n)\n\tif n then\nend\n", 9)]
    [InlineData("local s = \"unterminated\nfunction widget:Update() end\n", 6)]
    [InlineData("function widget:Update()\n\tx = 1 +\nend\n", 8)]
    [InlineData("local t = { 1, 2\nfunction widget:Update() end\n", 7)]
    public void Syntax_error_fails_the_load_with_file_and_line(string body, int line)
    {
        var run = Run(Header + "\n" + body);

        Assert.NotEqual(ScenarioOutcome.Pass, run.Result.Outcome);
        var message = run.Result.Error?.Message ?? string.Empty;
        Assert.True(
            message.Contains(Where(line), StringComparison.Ordinal),
            $"the load error must name {Where(line)} got '{message}'");
        var load = Assert.Single(run.Probes.Lifecycle.LoadResults);
        Assert.False(load.IsLoaded);
        Assert.Equal(line, load.Location?.Line);
    }

    private const string EndlessLoop = """
        function widget:GameFrame(n)
        	while true do end
        end
        """;

    private const string MemoryBomb = """
        local hoard = {}
        function widget:GameFrame(n)
        	for i = 1, 1e9 do hoard[i] = string.rep("x", 1048576) .. i end
        end
        """;

    [Theory]
    [InlineData("an endless loop: the watchdog", EndlessLoop)]
    [InlineData("a memory bomb: the heap cap", MemoryBomb)]
    public void A_runaway_game_frame_is_stopped_by_its_guard_and_the_widget_removed(string guard, string body)
    {
        var run = Run(Header + "\n" + body + "\n");

        var error = Assert.Single(run.Probes.Lifecycle.WidgetEvents, e => e.Kind == WidgetEventKind.Error);
        Assert.Equal("GameFrame", error.CallIn);
        Assert.False(run.Probes.Lifecycle.LoadedAtEnd, $"{guard} should have removed the widget");
    }

    /// <summary>
    /// Where BAR's messages point: the chunk is named by its VFS path, as in [string "LuaUI/Widgets/x.lua"]:7:.
    /// </summary>
    private static string Where(int line) => $"{FileName}\"]:{line}:";

    private static TrustRun Run(string widgetSource)
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write(FileName, widgetSource);
        return TrustRun.Execute(Scenario, "fuzzed-widget", file, allowRunError: true);
    }
}
