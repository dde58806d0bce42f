namespace BarHarness.Scenarios.Tests.Running;

/// <summary>
/// Which stream checks a widget gets by default, and how a failed one explains itself from the network timeline.
/// </summary>
public sealed class StreamExpectationTests
{
    private const string Game = """
        name: stream-checks
        seed: 3
        duration: 6s
        units: { initial: 20 }
        expectations:
          oracle: { freshness_frames: 3 }
        """;

    private const string Info = "function widget:GetInfo() return { name = 'w', layer = 0, enabled = true } end\n";

    private const string ConnectsButNeverSends = Info + """
        local client
        function widget:Initialize()
          client = socket.tcp()
          client:settimeout(0)
          client:connect('127.0.0.1', 8765)
        end
        function widget:Update() socket.select({ client }, nil, 0) end
        function widget:Shutdown() client:close() end
        """;

    [Fact]
    public void A_widget_that_never_makes_a_socket_gets_no_stream_checks_and_passes()
    {
        var result = Run(Info
            + "function widget:GameFrame(n) if n % 30 == 0 then Spring.Echo('[tick] ' .. n) end end\n");

        Assert.Equal(ScenarioOutcome.Pass, result.Outcome);
        Assert.DoesNotContain(result.Expectations, e => e.Name is "oracle.stream_received" or "oracle.freshness");
        Assert.Equal(0, result.NetworkTimeline.SocketsCreated);
        Assert.StartsWith("the widget never created a socket", result.NetworkTimeline.Story, StringComparison.Ordinal);
    }

    [Fact]
    public void A_widget_that_connects_and_sends_nothing_fails_stream_received_with_the_timeline_story()
    {
        var result = Run(ConnectsButNeverSends);

        var failed = Assert.Single(result.FailedExpectations, e => e.Name == "oracle.stream_received");
        const string Story = "connected at 0.03 s; the widget sent 0 bytes in 6 s;";
        Assert.StartsWith(Story, failed.Detail, StringComparison.Ordinal);
        Assert.Contains("socket.select for readability 360 times", failed.Detail, StringComparison.Ordinal);
        Assert.Contains(result.NetworkTimeline.Entries, e => e is { Side: "server", Event: "accept" });
        const string Connect = "#1 127.0.0.1:8765 returned nil, \"timeout\"";
        Assert.Contains(
            result.NetworkTimeline.Entries, e => e is { Side: "widget", Event: "connect", Detail: Connect });
        Assert.Contains(result.FailedExpectations, e => e.Name == "oracle.freshness");
    }

    [Fact]
    public void The_bundled_widget_keeps_its_stream_checks_and_its_timeline_shows_the_stream()
    {
        var result = Run(widgetSource: null);

        Assert.Contains(result.Expectations, e => e is { Name: "oracle.stream_received", Passed: true });
        Assert.True(result.NetworkTimeline.WidgetBytesSent > 0);
        Assert.Contains(result.NetworkTimeline.Entries, e => e is { Side: "widget", Event: "first byte sent" });
    }

    [Fact]
    public void The_whole_console_log_is_kept_as_distinct_lines_with_counts()
    {
        var result = Run(Info
            + "function widget:GameFrame(n) Spring.Echo('same') "
            + "if n % 60 == 0 then Spring.Echo('tick ' .. n) end end\n");

        var transcript = result.ConsoleTranscript;
        var same = Assert.Single(transcript.Lines, l => l.Text == "same");
        Assert.Equal(180, same.Count);
        Assert.Equal(3, transcript.Lines.Count(l => l.Text.StartsWith("tick ", StringComparison.Ordinal)));
        Assert.Equal(183, transcript.TotalLines);
        Assert.Equal(0, transcript.LinesLeftOut);
    }

    private static ScenarioResult Run(string? widgetSource)
    {
        using var folder = new TemporaryFolder();
        var widget = widgetSource is null ? null : folder.Write("w.lua", widgetSource);
        var scenario = new LoadedScenario("(test)", ScenarioLoader.Parse(Game, "(test)"));
        var options = new RunOptions { RepoRoot = RepositoryFiles.Root, WidgetOverride = widget };
        return Simulation.Play(scenario, options).Result;
    }
}
