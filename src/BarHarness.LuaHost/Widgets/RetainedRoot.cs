using System.Globalization;

namespace BarHarness.LuaHost.Widgets;

/// <summary>One root of the retained-object census and what only it keeps alive.</summary>
/// <param name="Path">The root: <c>name.field</c>, <c>x (upvalue of file:line function)</c> or <c>WG.key</c>.</param>
/// <param name="Bytes">Estimated bytes of the objects reached first from this root.</param>
/// <param name="Objects">How many objects those are.</param>
/// <param name="Description">What the root value is, e.g. <c>table (412 entries)</c>.</param>
public sealed record RetainedRoot(string Path, long Bytes, long Objects, string Description)
{
    /// <summary>Reads the census's text form: one root per line, tab-separated.</summary>
    public static IReadOnlyList<RetainedRoot> ParseAll(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(f => f.Length == 4)
            .Select(f => new RetainedRoot(
                f[0],
                long.Parse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture),
                long.Parse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture),
                f[3]))
            .ToList();
}
