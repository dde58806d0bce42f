using System.Text;

namespace BarHarness.TestServer.Tests.Oracle;

public class StreamConformanceTests
{
    [Fact]
    public void Violations_are_located_by_line_with_their_rule()
    {
        var report = StreamConformance.Check(Write(string.Join(
            "\n",
            Hello(0),
            Snapshot(1, 10),
            Heartbeat(2, 9)) + "\n"));

        var violation = Assert.Single(report.Violations);
        Assert.Equal(("§3.2", 3L), (violation.RuleId, violation.AtMicros));
        Assert.False(report.Conforms);
    }

    [Fact]
    public void A_last_line_without_its_newline_is_a_message_cut_by_the_widget()
    {
        var report = StreamConformance.Check(Write(Hello(0) + "\n" + Snapshot(1, 10)));

        Assert.Equal(ViolationKind.TruncatedMessage, Assert.Single(report.Violations).Kind);
    }

    [Fact]
    public void A_length_framed_stream_is_read_by_its_prefix()
    {
        var bytes = new List<byte>();
        foreach (var message in new[] { Hello(0), Snapshot(1, 10) })
        {
            var payload = Encoding.UTF8.GetBytes(message);
            bytes.AddRange([0, 0, (byte)(payload.Length >> 8), (byte)payload.Length]);
            bytes.AddRange(payload);
        }

        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, [.. bytes]);
        var report = StreamConformance.Check(path);

        Assert.True(report.Conforms, string.Join("\n", report.Violations));
        Assert.Equal(2, report.Stats.ValidMessages);
    }

    [Fact]
    public void A_serve_recording_is_checked_connection_by_connection()
    {
        string Line(int conn, string msg) => $"{{\"at_us\":1,\"conn\":{conn},\"msg\":{msg}}}";
        var path = Write(string.Join(
            "\n",
            Line(1, Hello(0)),
            Line(1, Snapshot(1, 10)),
            Line(2, Snapshot(2, 20))) + "\n");

        var report = StreamConformance.Check(path);

        Assert.True(report.Recording);
        var violation = Assert.Single(report.Violations);
        Assert.Equal(("§4.1", 2L, 3L), (violation.RuleId, violation.ConnectionId, violation.AtMicros));
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        Assert.Throws<HarnessInputException>(() =>
            StreamConformance.Check(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".jsonl")));
    }

    private static string Write(string text)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, text);
        return path;
    }
}
