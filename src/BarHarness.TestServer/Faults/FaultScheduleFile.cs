using System.Globalization;
using BarHarness.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BarHarness.TestServer.Faults;

/// <summary>
/// Loads a fault schedule from YAML (JSON is valid YAML too). Every error names file:line:col.
/// <code>
/// faults:
///   - fault: stop_read
///     at: 10s          # wall clock: at / until / for, in s, ms or us (bare number = seconds)
///     for: 5s
///   - fault: latency
///     at_frame: 300    # game clock: at_frame / until_frame / for_frames
///     until_frame: 600
///     latency: 200     # the fault's own parameters, in Toxiproxy's units
///     jitter: 50
///     toxicity: 0.5
///     stream: upstream
/// </code>
/// </summary>
public static class FaultScheduleFile
{
    private static readonly HashSet<string> TimingKeys = new(StringComparer.Ordinal)
    {
        "fault", "at", "until", "for", "at_frame", "until_frame", "for_frames",
    };

    public static FaultSchedule Load(string path, FaultCatalog? catalog = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HarnessInputException(new SourceLocation(path, 0), $"cannot read fault schedule: {ex.Message}", inner: ex);
        }

        return Parse(text, path, catalog);
    }

    public static FaultSchedule Parse(string text, string fileName, FaultCatalog? catalog = null)
    {
        catalog ??= FaultCatalog.Default;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new HarnessInputException(At(fileName, ex.Start), $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}", inner: ex);
        }

        var schedule = new FaultSchedule();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return schedule;
        }

        var root = stream.Documents[0].RootNode;
        var list = root switch
        {
            YamlSequenceNode sequence => sequence,
            YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("faults"), out var faults) && faults is YamlSequenceNode s => s,
            _ => throw new HarnessInputException(At(fileName, root.Start), "a fault schedule must be a list of faults", "'faults:' followed by a list, or a list"),
        };

        foreach (var node in list.Children)
        {
            schedule.Add(ParseEntry(node, fileName, catalog));
        }

        return schedule;
    }

    private static ScheduledFault ParseEntry(YamlNode node, string fileName, FaultCatalog catalog)
    {
        if (node is not YamlMappingNode map)
        {
            throw new HarnessInputException(At(fileName, node.Start), "a fault entry must be a mapping", "keys fault, at/at_frame, and the fault's parameters");
        }

        var values = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value ?? string.Empty).Trim();
            if (valueNode is not YamlScalarNode scalar)
            {
                throw new HarnessInputException(At(fileName, valueNode.Start), $"'{key}' must be a single value");
            }

            if (!values.TryAdd(key, scalar))
            {
                throw new HarnessInputException(At(fileName, keyNode.Start), $"'{key}' given twice");
            }
        }

        if (!values.TryGetValue("fault", out var nameNode) || string.IsNullOrWhiteSpace(nameNode.Value))
        {
            throw new HarnessInputException(At(fileName, map.Start), "fault entry without 'fault'", "fault: <name>, one of " + string.Join(", ", catalog.Names));
        }

        var parameters = values.Where(kv => !TimingKeys.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => (object?)kv.Value.Value);
        var fault = catalog.Create(nameNode.Value!, parameters, At(fileName, nameNode.Start), given => At(fileName, values[given].Start));

        var wall = values.ContainsKey("at") || values.ContainsKey("until") || values.ContainsKey("for");
        var game = values.ContainsKey("at_frame") || values.ContainsKey("until_frame") || values.ContainsKey("for_frames");
        if (wall && game)
        {
            throw new HarnessInputException(At(fileName, map.Start), "fault entry mixes wall-clock and game-frame times", "either at/until/for or at_frame/until_frame/for_frames");
        }

        if (!wall && !game)
        {
            throw new HarnessInputException(At(fileName, map.Start), $"fault '{fault.Name}' has no start", "at: <time> or at_frame: <frame>");
        }

        long Read(string key, Func<string, long?> parse, string expected)
        {
            var scalar = values[key];
            return parse(scalar.Value ?? string.Empty) ?? throw new HarnessInputException(At(fileName, scalar.Start), $"'{key}' is '{scalar.Value}'", expected);
        }

        long? Optional(string key, Func<string, long?> parse, string expected) =>
            values.ContainsKey(key) ? Read(key, parse, expected) : null;

        const string timeExpected = "a duration such as 10s, 250ms or 1500us";
        const string frameExpected = "a non-negative whole number of frames";
        var clock = wall ? FaultClock.Wall : FaultClock.GameFrame;
        Func<string, long?> parser = wall ? ParseMicros : ParseFrames;
        var expectedText = wall ? timeExpected : frameExpected;
        var start = Optional(wall ? "at" : "at_frame", parser, expectedText)
            ?? throw new HarnessInputException(At(fileName, map.Start), $"fault '{fault.Name}' has no start", wall ? "at: <time>" : "at_frame: <frame>");
        var until = Optional(wall ? "until" : "until_frame", parser, expectedText);
        var length = Optional(wall ? "for" : "for_frames", parser, expectedText);
        if (until is not null && length is not null)
        {
            throw new HarnessInputException(At(fileName, map.Start), "both an end and a duration", "one of until/for");
        }

        var end = until ?? (start + length);
        if (end is { } e && e < start)
        {
            throw new HarnessInputException(At(fileName, values[wall ? "until" : "until_frame"].Start), $"fault '{fault.Name}' ends before it starts");
        }

        return new ScheduledFault(fault, start, end, clock);
    }

    /// <summary>"10s", "250ms", "1500us", "2m" or a bare number of seconds, to µs.</summary>
    public static long? ParseMicros(string text)
    {
        text = text.Trim();
        var (number, scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 1_000.0),
            _ when text.EndsWith("us", StringComparison.Ordinal) || text.EndsWith("µs", StringComparison.Ordinal) => (text[..^2], 1.0),
            _ when text.EndsWith('s') => (text[..^1], 1_000_000.0),
            _ when text.EndsWith('m') => (text[..^1], 60_000_000.0),
            _ => (text, 1_000_000.0),
        };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0
            ? (long)Math.Round(value * scale)
            : null;
    }

    private static long? ParseFrames(string text) =>
        long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var frames) && frames >= 0 ? frames : null;

    private static SourceLocation At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);
}
