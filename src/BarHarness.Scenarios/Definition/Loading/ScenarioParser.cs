using System.Text.RegularExpressions;

namespace BarHarness.Scenarios.Definition.Loading;

/// <summary>The top level of a scenario file; hands each section to its parser.</summary>
internal static partial class ScenarioParser
{
    /// <param name="root">The document, or null when empty.</param>
    /// <param name="file">The file's path: relative paths inside resolve against its folder.</param>
    /// <param name="display">How errors name the file.</param>
    public static ScenarioDefinition Parse(YamlNode? root, string file, string display)
    {
        if (root is null)
        {
            throw new HarnessInputException(
                new SourceLocation(display, 1, 1),
                "the scenario file is empty",
                "a mapping with at least 'duration'");
        }

        var reader = new MappingReader(root, string.Empty);
        var fullPath = SafeFullPath(file);
        var directory = Path.GetDirectoryName(fullPath) ?? Environment.CurrentDirectory;

        var name = reader.Read("name", DefaultName(file), Name);
        var description = reader.Read("description", string.Empty, (n, w) => YamlValues.String(n, w, allowEmpty: true));
        var tags = reader.Read<IReadOnlyList<string>>("tags", [], Tags);
        var seed = reader.Read("seed", DefaultSeed(name), YamlValues.UnsignedLong);
        var duration = YamlValues.Seconds(
            reader.Required("duration", "the game time to simulate, e.g. 90 or \"2m\""),
            "'duration'",
            1.0 / 30,
            ScenarioDefinition.MaxDurationSeconds);
        var ctx = new ParseContext(file, directory, duration);

        var widget = WidgetSectionParser.Parse(reader.Optional("widget"), ctx);
        var world = WorldSectionParser.Parse(reader.Optional("world"));
        var units = UnitsSectionParser.Parse(reader.Optional("units"), ctx, world);
        var events = EventsSectionParser.Parse(reader.Optional("events"), ctx);
        var network = NetworkSectionParser.Parse(reader.Optional("network"));
        var faults = FaultsSectionParser.Parse(reader.Optional("faults"), ctx);
        var expectations = ExpectationsSectionParser.Parse(reader.Optional("expectations"), ctx);
        var director = Director(reader, ctx);
        var timer = reader.Read(
            "timer",
            TimerMode.Cpu,
            (n, w) =>
                YamlValues.Choice(
                    n,
                    w,
                    new Dictionary<string, TimerMode>
                    {
                        ["cpu"] = TimerMode.Cpu,
                        ["virtual"] = TimerMode.Virtual,
                        ["real"] = TimerMode.Real,
                    }));
        reader.Finish();

        return new ScenarioDefinition(
            name,
            description,
            tags,
            seed,
            duration,
            widget,
            world,
            units,
            events,
            network,
            faults,
            expectations,
            director,
            timer,
            fullPath);
    }

    /// <summary>
    /// The seed when a file gives none: FNV-1a of the name, so each scenario differs but stays fixed.
    /// </summary>
    public static ulong DefaultSeed(string name)
    {
        var h = 14695981039346656037UL;
        foreach (var c in name)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    private static string DefaultName(string file) => Path.GetFileNameWithoutExtension(file);

    private static string Name(YamlNode node, string what)
    {
        var name = YamlValues.String(node, what);
        if (!NamePattern().IsMatch(name))
        {
            throw new HarnessInputException(
                node.Location,
                $"{what} '{name}' is not a usable scenario name",
                "letters, digits, '-', '_' and '.' (1 to 100 characters), as used in report file names and --filter");
        }

        return name;
    }

    private static IReadOnlyList<string> Tags(YamlNode node, string what)
    {
        var list = YamlValues.Sequence(node, what);
        return list.Items
            .Select(
                (item, i) =>
                {
                    var tag = YamlValues.String(item, $"{what}[{i + 1}]");
                    return NamePattern().IsMatch(tag)
                        ? tag
                        : throw new HarnessInputException(
                            item.Location,
                            $"tag '{tag}' is not a plain word",
                            "letters, digits, '-', '_'");
                })
            .ToArray();
    }

    private static string? Director(MappingReader reader, ParseContext ctx)
    {
        var node = reader.Optional("director");
        if (node is null)
        {
            return null;
        }

        return PathResolver.ExistingFile(
            node,
            reader.Describe("director"),
            ctx,
            "director script",
            "a Lua file path relative to the scenario file or the repository root");
    }

    private static string SafeFullPath(string file)
    {
        try
        {
            return Path.GetFullPath(file);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return file;
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,100}$")]
    private static partial Regex NamePattern();
}
