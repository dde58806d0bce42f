namespace BarHarness.LuaHost.Tests.Differential;

/// <summary>A known, accepted difference between real Lua 5.1 and the harness on one probe line.</summary>
/// <param name="Kind">One of the kinds DIFFERENCES.md explains (FIDELITY, HARSHER, KINDER, MESSAGE, LOCATION,
/// BORDER, VM).</param>
internal sealed record KnownLua51Difference(string Probe, string Label, string Kind, string Reason);

/// <summary>
/// The allow-list of the 5.4 VM, read from the table in tests/probes/lua51/DIFFERENCES.md: the document users
/// read is the list the test applies, so the two cannot drift apart. Every row says why the harness differs.
/// </summary>
internal static class KnownLua51Differences
{
    public const string TableHeader = "| probe | line label | kind | reason |";

    public static readonly IReadOnlyList<string> Kinds =
        ["FIDELITY", "HARSHER", "KINDER", "MESSAGE", "LOCATION", "BORDER", "VM"];

    public static readonly IReadOnlyList<KnownLua51Difference> All =
        ReadTable(Path.Combine(Lua51Probe.Folder, "DIFFERENCES.md"));

    /// <summary>
    /// The differences allowed on the VM of this run: all of the table on the 5.4 VM; none on the
    /// native 5.1 VM, which must match real Lua 5.1 line for line.
    /// </summary>
    public static IReadOnlyList<KnownLua51Difference> ForActiveVm =>
        BarHarness.LuaHost.Interop.LuaApi.IsLua51 ? [] : All;

    public static bool Allows(string probe, string label, string harnessLine) =>
        ForActiveVm.Any(d => d.Probe == probe && d.Label == label);

    /// <summary>The rows under <see cref="TableHeader"/> and its separator line, up to the first non-row.</summary>
    private static List<KnownLua51Difference> ReadTable(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Array.IndexOf(lines, TableHeader);
        if (header < 0)
        {
            throw new InvalidOperationException($"{path}: no allow-list table headed '{TableHeader}'");
        }

        return lines.Skip(header + 2).TakeWhile(line => line.StartsWith('|'))
            .Select((line, index) => Row(line, $"{path}:{header + 3 + index}")).ToList();
    }

    /// <summary>One row: | probe | `label` | kind | reason | (the reason may hold a '|' of its own).</summary>
    private static KnownLua51Difference Row(string line, string where)
    {
        var cells = line.Trim().Trim('|').Split('|', 4).Select(cell => cell.Trim()).ToArray();
        if (cells.Length != 4 || cells[1].Length < 2 || !cells[1].StartsWith('`') || !cells[1].EndsWith('`'))
        {
            throw new InvalidOperationException($"{where}: a row is | probe | `line label` | kind | reason |");
        }

        return new KnownLua51Difference(cells[0], cells[1][1..^1], cells[2], cells[3]);
    }
}
