namespace BarHarness.Scenarios.Definition.Yaml;

/// <summary>
/// Reads one mapping section: each key a section knows is declared as it is read, and
/// <see cref="Finish"/> rejects whatever is left with the nearest known key as a suggestion.
/// Section parsers read every known key (present or not) before calling Finish.
/// </summary>
public sealed class MappingReader
{
    private readonly Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> _entries;
    private readonly List<string> _known = [];

    public MappingReader(YamlNode node, string section)
    {
        Mapping = YamlValues.Mapping(node, section);
        Section = section;
        _entries = Mapping.Entries.ToDictionary(e => e.Key.Value, StringComparer.Ordinal);
    }

    public YamlMapping Mapping { get; }

    public string Section { get; }

    public SourceLocation Location => Mapping.Location;

    /// <summary>
    /// A section that may be left out: <paramref name="absent"/> when it is, else what <paramref name="read"/>
    /// builds from its keys, the keys it did not read then rejected by <see cref="Finish"/>.
    /// </summary>
    public static T ReadSection<T>(YamlNode? node, string section, T absent, Func<MappingReader, T> read)
    {
        if (node is null)
        {
            return absent;
        }

        var reader = new MappingReader(node, section);
        var value = read(reader);
        reader.Finish();
        return value;
    }

    /// <summary>The node under <paramref name="key"/>, or null when absent or written as null.</summary>
    public YamlNode? Optional(string key)
    {
        _known.Add(key);
        return _entries.TryGetValue(key, out var entry) && entry.Value is not YamlScalar { IsNull: true }
            ? entry.Value
            : null;
    }

    public YamlNode Required(string key, string expected)
    {
        var node = Optional(key);
        if (node is not null)
        {
            return node;
        }

        // A misspelt required key is better reported where it was written than as "missing".
        var typo = Mapping.Entries.FirstOrDefault(e =>
            !_entries.ContainsKey(key) && NearestKey.Suggest(e.Key.Value, [key]) == key);
        if (typo.Key is not null && !_known.Contains(typo.Key.Value, StringComparer.Ordinal))
        {
            throw new HarnessInputException(
                typo.Key.Location,
                $"unknown key '{typo.Key.Value}'; did you mean '{key}'?",
                $"'{key}' ({expected})");
        }

        var where = Section.Length == 0 ? "the scenario" : Section;
        throw new HarnessInputException(Location, $"{where} is missing '{key}'", expected);
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>Where <paramref name="key"/> was written (for cross-field errors), or the mapping itself.</summary>
    public SourceLocation LocationOf(string key) => _entries.TryGetValue(key, out var e) ? e.Key.Location : Location;

    public T Read<T>(string key, T fallback, Func<YamlNode, string, T> parse)
    {
        var node = Optional(key);
        return node is null ? fallback : parse(node, Describe(key));
    }

    public string Describe(string key) => Section.Length == 0 ? $"'{key}'" : $"'{Section}.{key}'";

    public void Finish()
    {
        foreach (var entry in Mapping.Entries)
        {
            if (_known.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                continue;
            }

            var suggestion = NearestKey.Suggest(entry.Key.Value, _known);
            var where = Section.Length == 0 ? "at the top level" : $"in '{Section}'";
            var message =
                $"unknown key '{entry.Key.Value}' {where}"
                + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?");
            throw new HarnessInputException(
                entry.Key.Location,
                message,
                "one of " + string.Join(", ", _known.Distinct()));
        }
    }
}
