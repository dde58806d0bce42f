using System.Text;

namespace BarHarness.Reports.Tests.Exporters;

public sealed class TimelineAndConsoleExportTests
{
    private static readonly NetworkTimeline Timeline = new(
        [
            new NetworkTimelineEntry(0, "widget", "connect", "#1 127.0.0.1:8765 returned nil, \"timeout\""),
            new NetworkTimelineEntry(0.033, "widget", "connected", "#1 to 127.0.0.1:8765"),
            new NetworkTimelineEntry(0.033, "server", "accept", "connection 1"),
        ],
        0, 1, 1, 1, 1, 0, 0, 0, 0, 1800, 0, "connected at 0.03 s; the widget sent 0 bytes in 60 s");

    private static readonly ConsoleTranscript Console = ConsoleTranscriptBuilder.Build(
        [(1, "Echo", "<b>[red]tick[/]</b>"), (2, "Echo", "<b>[red]tick[/]</b>"), (3, "Echo", "done")], 3);

    private static RunReport Report() =>
        SampleReports.Run(
            SampleReports.Failing("w", 1) with { NetworkTimeline = Timeline, ConsoleTranscript = Console });

    [Fact]
    public void Summary_json_carries_the_timeline_and_the_whole_console_log_and_reads_back()
    {
        var bytes = ExportHelper.Bytes(new SummaryJsonExporter(), Report());
        var json = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"networkTimeline\"", json, StringComparison.Ordinal);
        Assert.Contains("\"selectsForReading\": 1800", json, StringComparison.Ordinal);
        Assert.Contains("\"consoleTranscript\"", json, StringComparison.Ordinal);

        var back = SummaryJsonReader.Read(new MemoryStream(bytes), "summary.json").Scenarios.Single();
        Assert.Equal(Timeline.Story, back.NetworkTimeline.Story);
        Assert.Equal(3, back.NetworkTimeline.Entries.Count);
        Assert.Equal(2, back.ConsoleTranscript.Lines[0].Count);
        Assert.Equal(3, back.ConsoleTranscript.TotalLines);
    }

    [Fact]
    public void Html_lists_the_timeline_and_every_console_line_escaped()
    {
        var html = ExportHelper.Html(Report());

        Assert.Contains("Network timeline", html, StringComparison.Ordinal);
        Assert.Contains("connected at 0.03 s; the widget sent 0 bytes in 60 s", html, StringComparison.Ordinal);
        Assert.Contains("#1 127.0.0.1:8765 returned nil, &quot;timeout&quot;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;[red]tick[/]&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Console log", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>[red]", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_transcript_is_bounded_and_counts_what_it_leaves_out()
    {
        var lines = Enumerable.Range(0, ConsoleTranscript.MaxDistinctLines + 10)
            .Select(i => ((long)i, "Echo", "line " + i))
            .Append((99_999L, "Echo", new string('x', ConsoleTranscript.MaxLineLength + 50)));
        var transcript = ConsoleTranscriptBuilder.Build(lines, ConsoleTranscript.MaxDistinctLines + 11 + 500);

        Assert.Equal(ConsoleTranscript.MaxDistinctLines, transcript.Lines.Count);
        Assert.Equal(11 + 500, transcript.LinesLeftOut);
        var longLine = new string('x', ConsoleTranscript.MaxLineLength + 50);
        var cut = ConsoleTranscriptBuilder.Build([(1L, "Echo", longLine)], 1);
        Assert.EndsWith("[cut]", cut.Lines[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Story_says_when_the_widget_never_made_a_socket_or_never_connected()
    {
        var silent = NetworkStory.Tell(NetworkTimeline.None, 60);
        Assert.StartsWith("the widget never created a socket", silent, StringComparison.Ordinal);
        var refused = NetworkTimeline.None with
        {
            SocketsCreated = 1,
            ConnectAttempts = 3,
            SelectsForWriting = 90,
            Entries = [new NetworkTimelineEntry(0.5, "widget", "connect failed", "#1 127.0.0.1:8765 refused")],
        };
        var story = NetworkStory.Tell(refused, 30);
        const string Expected =
            "never connected: it called connect 3 time(s) (first at 0.5 s: #1 127.0.0.1:8765 refused)";
        Assert.StartsWith(Expected, story, StringComparison.Ordinal);
        Assert.Contains("for writability 90 times", story, StringComparison.Ordinal);
    }
}
