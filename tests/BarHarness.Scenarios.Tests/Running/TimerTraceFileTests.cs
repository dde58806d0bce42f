using System.IO.Compression;

namespace BarHarness.Scenarios.Tests.Running;

public sealed class TimerTraceFileTests
{
    [Fact]
    public void Readings_written_are_read_back_exactly()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "run.timer.gz");
        long[] readings = [0, 1_500, 1_500, 98_000_123, long.MaxValue / 4];

        TimerTraceFile.Write(path, readings, "scenario s.yaml, seed 1");

        Assert.Equal(readings, TimerTraceFile.Read(path));
    }

    [Theory]
    [InlineData("not a trace\n1\n", 1, "not a timer trace")]
    [InlineData(TimerTraceFile.Header + "\n# run\n10\n-5\n", 4, "\"-5\" is not a reading")]
    [InlineData(TimerTraceFile.Header + "\n12\nabc\n", 3, "\"abc\" is not a reading")]
    public void A_malformed_trace_is_bad_input_naming_its_line(string text, int line, string message)
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "bad.timer.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }

        var e = Assert.Throws<HarnessInputException>(() => TimerTraceFile.Read(path));

        Assert.Equal(line, e.Location?.Line);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_gzip_is_bad_input()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("plain.timer.gz", TimerTraceFile.Header + "\n1\n");

        var e = Assert.Throws<HarnessInputException>(() => TimerTraceFile.Read(path));

        Assert.Contains("gzip", e.Message, StringComparison.Ordinal);
    }
}
