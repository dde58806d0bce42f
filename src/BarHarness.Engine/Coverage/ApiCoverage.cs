using BarHarness.Engine.SpringApi;

namespace BarHarness.Engine.Coverage;

/// <summary>How one group of engine functions (a table, split by source file) is covered.</summary>
public sealed record CoverageGroup(string Table, string Source, int Reachable, int Implemented, int Stubbed)
{
    public int Missing => Reachable - Implemented - Stubbed;
}

/// <summary>Which widget-reachable engine functions BarHarness answers, stubs or lacks.</summary>
public sealed record ApiCoverageReport(
    IReadOnlyList<CoverageGroup> Groups,
    IReadOnlyList<string> Implemented,
    IReadOnlyList<string> Stubbed,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> ImplementedButUnlisted)
{
    public int Reachable => Groups.Sum(g => g.Reachable);

    public double ImplementedShare => Reachable == 0 ? 0 : Implemented.Count / (double)Reachable;
}

/// <summary>
/// Compares recoil-api.tsv with what the synthetic engine installs: real implementations, recording
/// stubs (every gl function: counted, nothing drawn) and the rest, which raise "not implemented".
/// </summary>
public static class ApiCoverage
{
    public static ApiCoverageReport Compute(RecoilApiCatalog catalog)
    {
        var implemented = SpringApiInstaller.ImplementedFunctions;
        var reachable = catalog.WidgetReachable.ToList();
        var groups = reachable
            .GroupBy(f => (f.Table, f.Source))
            .OrderBy(g => g.Key.Table, StringComparer.Ordinal).ThenBy(g => g.Key.Source, StringComparer.Ordinal)
            .Select(g => new CoverageGroup(g.Key.Table, g.Key.Source, g.Count(),
                g.Count(f => implemented.Contains(f.QualifiedName)),
                g.Count(f => IsStub(f) && !implemented.Contains(f.QualifiedName))))
            .ToList();
        var listed = reachable.Select(f => f.QualifiedName).ToHashSet(StringComparer.Ordinal);
        return new ApiCoverageReport(
            groups,
            NamesOf(reachable.Where(f => implemented.Contains(f.QualifiedName))),
            NamesOf(reachable.Where(f => IsStub(f) && !implemented.Contains(f.QualifiedName))),
            NamesOf(reachable.Where(f => !IsStub(f) && !implemented.Contains(f.QualifiedName))),
            implemented.Where(n => !listed.Contains(n)).Order(StringComparer.Ordinal).ToList());
    }

    private static List<string> NamesOf(IEnumerable<RecoilApiFunction> functions) =>
        functions.Select(f => f.QualifiedName).Order(StringComparer.Ordinal).ToList();

    /// <summary>gl functions are recording stubs: installed for every listed name.</summary>
    private static bool IsStub(RecoilApiFunction f) => f.Table == "gl";
}
