using System.IO.Compression;

namespace BarHarness.Scenarios.Running;

/// <summary>
/// A <c>timer: cpu</c> run's Spring.GetTimer readings on disk, so that its reproduce line replays them
/// (<c>--timer-trace</c>): gzip'd text, a header line, a line naming the run, then one line per reading with
/// the widget CPU nanoseconds it advanced since the previous one (the first since 0). Read back, a malformed
/// line is bad input naming the file and line.
/// </summary>
public static class TimerTraceFile
{
    public const string Header = "# barharness timer trace 1";

    /// <summary>The trace's file name for a scenario: <c>name.timer.gz</c>.</summary>
    public static string FileName(string scenarioName) => scenarioName + ".timer.gz";

    public static void Write(string path, IReadOnlyList<long> readings, string describeRun)
    {
        ArgumentNullException.ThrowIfNull(readings);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Header);
        writer.WriteLine("# " + describeRun.ReplaceLineEndings(" "));
        var previous = 0L;
        foreach (var reading in readings)
        {
            writer.WriteLine((reading - previous).ToString(CultureInfo.InvariantCulture));
            previous = reading;
        }
    }

    public static IReadOnlyList<long> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new HarnessInputException(null, $"timer trace {path} does not exist", "a name.timer.gz file a "
                + "timer: cpu run wrote beside its report");
        }

        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, new UTF8Encoding(false));
            return Parse(reader, path);
        }
        catch (InvalidDataException e)
        {
            throw new HarnessInputException(new SourceLocation(path, 1), "not a gzip file: " + e.Message,
                "a name.timer.gz file a timer: cpu run wrote beside its report");
        }
    }

    private static List<long> Parse(TextReader reader, string path)
    {
        var readings = new List<long>();
        var total = 0L;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                if (line != Header)
                {
                    throw new HarnessInputException(
                        new SourceLocation(path, 1), $"not a timer trace: the first line is \"{Shorten(line)}\"",
                        $"\"{Header}\"");
                }

                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            if (!long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var delta))
            {
                throw new HarnessInputException(
                    new SourceLocation(path, lineNumber), $"\"{Shorten(line)}\" is not a reading",
                    "a whole number of nanoseconds, 0 or more");
            }

            total += delta;
            readings.Add(total);
        }

        if (lineNumber == 0)
        {
            throw new HarnessInputException(new SourceLocation(path, 1), "the timer trace is empty", $"\"{Header}\"");
        }

        return readings;
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "...";
}
