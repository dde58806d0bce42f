using System.Text.RegularExpressions;

namespace BarHarness.Scenarios.Definition.Yaml;

/// <summary>
/// How scenario scalars are spelled: YAML core-schema numbers and booleans, durations ("90", "90s",
/// "2m", "1h30m", "250ms") and byte sizes ("65536", "64KiB", "1MiB", "64kb").
/// </summary>
public static partial class YamlScalarText
{
    public static bool TryParseNumber(string text, out double value)
    {
        value = 0;
        var t = text.Trim();
        if (t.Length == 0 || t.Contains('_'))
        {
            return false;
        }

        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (long.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                value = hex;
                return true;
            }

            return false;
        }

        // .inf / .nan parse here too so that range checks can reject them with a clear message.
        switch (t)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        if (!NumberPattern().IsMatch(t))
        {
            return false;
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Seconds from "90", "1.5", "90s", "2m", "2h", "1h30m", "250ms".</summary>
    public static bool TryParseSeconds(string text, out double seconds) =>
        TryParsePlainOrWithUnits(text, SecondsWithUnits, out seconds);

    /// <summary>Bytes from "65536", "64KiB", "64KB", "64k", "1MiB" (K and M are 1024-based: buffers are).</summary>
    public static bool TryParseBytes(string text, out double bytes) =>
        TryParsePlainOrWithUnits(text, BytesWithUnit, out bytes);

    /// <summary>A plain number, or what <paramref name="withUnits"/> reads (null: not readable).</summary>
    private static bool TryParsePlainOrWithUnits(string text, Func<string, double?> withUnits, out double value)
    {
        var t = text.Trim();
        if (TryParseNumber(t, out value))
        {
            return true;
        }

        var parsed = withUnits(t);
        value = parsed ?? 0;
        return parsed is not null;
    }

    private static double? SecondsWithUnits(string t)
    {
        var match = DurationPattern().Match(t);
        if (!match.Success || t.Length == 0)
        {
            return null;
        }

        double total = 0;
        var any = false;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unitMatch = DurationPartPattern().Match(part.Value);
            var number = double.Parse(unitMatch.Groups["n"].Value, CultureInfo.InvariantCulture);
            total += unitMatch.Groups["u"].Value switch
            {
                "ms" => number / 1000.0,
                "s" => number,
                "m" => number * 60.0,
                "h" => number * 3600.0,
                _ => double.NaN,
            };
            any = true;
        }

        return any ? total : null;
    }

    private static double? BytesWithUnit(string t)
    {
        var match = SizePattern().Match(t);
        if (!match.Success)
        {
            return null;
        }

        var number = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var factor = char.ToLowerInvariant(match.Groups["u"].Value[0]) switch
        {
            'b' => 1.0,
            'k' => 1024.0,
            'm' => 1024.0 * 1024.0,
            'g' => 1024.0 * 1024.0 * 1024.0,
            _ => double.NaN,
        };
        return number * factor;
    }

    [GeneratedRegex(@"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ms|s|m|h))+$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<u>ms|s|m|h)$")]
    private static partial Regex DurationPartPattern();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<u>[bB]|[kK][iI]?[bB]?|[mM][iI]?[bB]?|[gG][iI]?[bB]?)$")]
    private static partial Regex SizePattern();
}
