namespace BarHarness.Scenarios.Definition.Yaml;

/// <summary>
/// Typed reads of single nodes. Each throws <see cref="HarnessInputException"/> at the node's
/// location with what was expected, so section parsers never build their own messages for types.
/// </summary>
public static class YamlValues
{
    public static YamlMapping Mapping(YamlNode node, string what) =>
        node as YamlMapping ?? throw Wrong(node, what, "a mapping of 'key: value' lines");

    public static YamlSequence Sequence(YamlNode node, string what) =>
        node as YamlSequence ?? throw Wrong(node, what, "a list ('- item' lines or [a, b])");

    public static string String(YamlNode node, string what, bool allowEmpty = false)
    {
        if (node is not YamlScalar scalar || (scalar.IsNull && !allowEmpty))
        {
            throw Wrong(node, what, "a text value");
        }

        return scalar.IsNull ? string.Empty : scalar.Value;
    }

    public static bool Bool(YamlNode node, string what)
    {
        if (node is YamlScalar { IsPlain: true } scalar && YamlScalarText.TryParseBool(scalar.Value, out var value))
        {
            return value;
        }

        throw Unreadable(node, what, "true or false", "true or false");
    }

    public static double Number(YamlNode node, string what, double min, double max)
    {
        if (
            node is not YamlScalar { IsPlain: true } scalar
            || !YamlScalarText.TryParseNumber(scalar.Value, out var value))
        {
            throw Unreadable(node, what, "a number", $"a number from {Show(min)} to {Show(max)}");
        }

        return InRange(node, what, value, min, max, string.Empty);
    }

    public static int Integer(YamlNode node, string what, int min, int max)
    {
        var value = Number(node, what, min, max);
        if (value != Math.Floor(value))
        {
            throw new HarnessInputException(
                node.Location,
                $"{what} must be a whole number, got {Show(value)}",
                $"a whole number from {min} to {max}");
        }

        return (int)value;
    }

    public static ulong UnsignedLong(YamlNode node, string what)
    {
        if (node is YamlScalar { IsPlain: true } scalar)
        {
            var text = scalar.Value.Trim();
            if (
                ulong.TryParse(
                    text,
                    System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture,
                    out var value))
            {
                return value;
            }

            if (
                text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && ulong.TryParse(
                    text.AsSpan(2),
                    System.Globalization.NumberStyles.AllowHexSpecifier,
                    System.Globalization.CultureInfo.InvariantCulture,
                    out value))
            {
                return value;
            }
        }

        throw Wrong(node, what, $"a whole number from 0 to {ulong.MaxValue}");
    }

    /// <summary>Game seconds written as a number or "90s", "2m", "1h30m", "250ms".</summary>
    public static double Seconds(YamlNode node, string what, double min, double max)
    {
        if (
            node is not YamlScalar { IsNull: false } scalar
            || !YamlScalarText.TryParseSeconds(scalar.Value, out var value))
        {
            throw Unreadable(
                node,
                what,
                "a duration",
                "a duration such as 90, \"90s\", \"2m\", \"1h30m\" or \"250ms\"");
        }

        return InRange(node, what, value, min, max, " s");
    }

    /// <summary>Bytes written as a number or "64KiB", "1MiB".</summary>
    public static int Bytes(YamlNode node, string what, int min, int max)
    {
        if (
            node is not YamlScalar { IsNull: false } scalar
            || !YamlScalarText.TryParseBytes(scalar.Value, out var value))
        {
            throw Unreadable(node, what, "a size", "a size such as 65536, \"64KiB\" or \"1MiB\"");
        }

        value = InRange(node, what, value, min, max, " bytes");
        return (int)Math.Round(value);
    }

    /// <summary>One of <paramref name="names"/> (case-insensitive, '-' read as '_'), mapped to its value.</summary>
    /// <summary>Choices that stand for themselves: each name maps to itself, in the order given.</summary>
    public static IReadOnlyDictionary<string, string> Names(params string[] names) =>
        names.ToDictionary(name => name, StringComparer.Ordinal);

    public static T Choice<T>(YamlNode node, string what, IReadOnlyDictionary<string, T> names)
    {
        if (node is YamlScalar { IsNull: false } scalar)
        {
            var key = scalar.Value.Trim().ToLowerInvariant().Replace('-', '_');
            if (names.TryGetValue(key, out var value))
            {
                return value;
            }

            var suggestion = NearestKey.Suggest(key, names.Keys);
            var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
            throw new HarnessInputException(
                scalar.Location,
                $"{what} '{scalar.Value}' is not known{hint}",
                "one of " + string.Join(", ", names.Keys));
        }

        throw Wrong(node, what, "one of " + string.Join(", ", names.Keys));
    }

    /// <summary>
    /// A scalar that does not read as <paramref name="kind"/>, or a list/mapping where a scalar belongs.
    /// </summary>
    public static HarnessInputException Unreadable(YamlNode node, string what, string kind, string expected)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            return Wrong(node, what, expected);
        }

        if (
            !scalar.IsPlain
            && (YamlScalarText.TryParseNumber(scalar.Value, out _) || YamlScalarText.TryParseBool(scalar.Value, out _)))
        {
            return new(
                node.Location,
                $"{what} is quoted, which makes it text: write {scalar.Value} without quotes",
                expected);
        }

        return new(node.Location, $"{what} is not {kind}: got {scalar.KindName}", expected);
    }

    public static HarnessInputException Wrong(YamlNode node, string what, string expected) =>
        new(node.Location, $"{what} has the wrong type: got {node.KindName}", expected);

    public static string Show(double value) =>
        value switch
        {
            double.MaxValue => "any",
            double.MinValue => "-any",
            int.MaxValue => "any",
            _ => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
        };

    private static double InRange(YamlNode node, string what, double value, double min, double max, string unit)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            var shown =
                double.IsNaN(value) ? "NaN"
                : double.IsInfinity(value) ? (value > 0 ? "infinity" : "-infinity")
                : Show(value) + unit;
            throw new HarnessInputException(
                node.Location,
                $"{what} is out of range: {shown}",
                $"{Show(min)} to {Show(max)}{unit}");
        }

        return value;
    }
}
