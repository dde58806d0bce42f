using BarHarness.Core.Diagnostics;

namespace BarHarness.Engine.Coverage;

/// <summary>One engine function from recoil-api.tsv.</summary>
public sealed record RecoilApiFunction(string Table, string Name, string Source, string Params, string Returns)
{
    public string QualifiedName => Table + "." + Name;

    /// <summary>LuaUI widgets cannot reach synced control (LuaSyncedCtrl) or synced-handle functions.</summary>
    public bool WidgetReachable => Source is not ("LuaSyncedCtrl" or "LuaHandleSynced");
}

/// <summary>
/// The engine's Lua API as listed in recoil-api.tsv (table, name, source file, params, returns). The
/// list ships inside the engine assembly (<see cref="Bundled"/>, one Coverage/RecoilApi/&lt;source&gt;.tsv
/// per Recoil source file), so a fresh clone has it; a file can still be loaded to compare against
/// another engine version.
/// </summary>
public sealed class RecoilApiCatalog
{
    /// <summary>Where the bundled list says it came from, in reports.</summary>
    public const string BundledOrigin = "recoil-api.tsv (bundled)";

    private const string BundledResourcePrefix = "BarHarness.Engine.RecoilApi.";

    private static readonly Lazy<RecoilApiCatalog> BundledList = new(LoadBundled);

    private RecoilApiCatalog(IReadOnlyList<RecoilApiFunction> functions)
    {
        Functions = functions;
    }

    public IReadOnlyList<RecoilApiFunction> Functions { get; }

    public IEnumerable<RecoilApiFunction> WidgetReachable => Functions.Where(f => f.WidgetReachable);

    /// <summary>The list built into the engine (the same facts as recoil-api.tsv).</summary>
    public static RecoilApiCatalog Bundled => BundledList.Value;

    public static RecoilApiCatalog Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new HarnessInputException(new SourceLocation(path, 1), "engine API list not found",
                "a recoil-api.tsv file (table, name, source, params, returns; tab-separated)");
        }

        return new RecoilApiCatalog(ParseRows(File.ReadLines(path), path));
    }

    /// <summary>
    /// Reads the bundled list: one embedded file per Recoil source file (Coverage/RecoilApi/*.tsv, each with
    /// the header row), merged in ordinal order of their names, which is the order of the source column.
    /// </summary>
    private static RecoilApiCatalog LoadBundled()
    {
        var assembly = typeof(RecoilApiCatalog).Assembly;
        var resources = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(BundledResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (resources.Count == 0)
        {
            throw new InvalidOperationException(
                "the engine assembly lacks its API list " + BundledResourcePrefix + "*");
        }

        var functions = new List<RecoilApiFunction>();
        foreach (var resource in resources)
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var lines = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }

            functions.AddRange(ParseRows(lines, resource));
        }

        return new RecoilApiCatalog(functions);
    }

    private static List<RecoilApiFunction> ParseRows(IEnumerable<string> lines, string path)
    {
        var functions = new List<RecoilApiFunction>();
        var lineNo = 0;
        foreach (var line in lines)
        {
            lineNo++;
            if (lineNo == 1 || line.Length == 0)
            {
                continue; // header
            }

            var cols = line.Split('\t');
            if (cols.Length < 3)
            {
                throw new HarnessInputException(new SourceLocation(path, lineNo), "malformed engine API row",
                    "table<TAB>name<TAB>source<TAB>params<TAB>returns");
            }

            functions.Add(new RecoilApiFunction(cols[0], cols[1], cols[2],
                cols.Length > 3 ? cols[3] : string.Empty, cols.Length > 4 ? cols[4] : string.Empty));
        }

        return functions;
    }

    /// <summary>
    /// Finds ../shared/recoil-api.tsv next to the repository (the folder holding BarHarness.sln) above
    /// <paramref name="start"/>: a list to compare the bundled one with; null on a plain clone.
    /// </summary>
    public static string? LocateDefault(string? start = null)
    {
        foreach (var origin in new[] { start, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = origin is null ? null : new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BarHarness.sln")))
                {
                    var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "recoil-api.tsv"));
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }
}
