using System.Text.RegularExpressions;

namespace BarHarness.LuaHost.Widgets;

/// <summary>The file and line a Lua error message points at, e.g. <c>[string "LuaUI/Widgets/x.lua"]:12:
/// ...</c>.</summary>
public sealed partial record LuaErrorLocation(string File, int Line)
{
    public static LuaErrorLocation? TryParse(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var m = StringChunk().Match(message);
        if (m.Success)
        {
            return new LuaErrorLocation(m.Groups[1].Value, int.Parse(m.Groups[2].Value,
                System.Globalization.CultureInfo.InvariantCulture));
        }

        m = FileChunk().Match(message);
        return m.Success
            ? new LuaErrorLocation(m.Groups[1].Value, int.Parse(m.Groups[2].Value,
                System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    public override string ToString() => $"{File}:{Line}";

    [GeneratedRegex("""^\[string "([^"]+)"\]:(\d+):""")]
    private static partial Regex StringChunk();

    [GeneratedRegex("""^([^\s:\[][^:\n]*\.lua):(\d+):""")]
    private static partial Regex FileChunk();
}
