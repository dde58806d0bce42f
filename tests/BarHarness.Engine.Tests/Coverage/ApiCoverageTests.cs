using BarHarness.Engine.Coverage;

namespace BarHarness.Engine.Tests.Coverage;

public class ApiCoverageTests
{
    private static RecoilApiCatalog Catalog() => RecoilApiCatalog.Bundled;

    [Fact]
    public void The_bundled_list_matches_the_shared_facts_when_they_sit_beside_the_repository()
    {
        var path = RecoilApiCatalog.LocateDefault();
        var shared = path is null ? null : RecoilApiCatalog.Load(path);
        var expected = shared?.Functions ?? Catalog().Functions;
        Assert.Equal(1037, Catalog().Functions.Count);
        Assert.Equal(expected, Catalog().Functions);
    }

    [Fact]
    public void Widget_reachable_spring_functions_are_the_605_the_facts_name()
    {
        Assert.Equal(605, Catalog().WidgetReachable.Count(f => f.Table == "Spring"));
    }

    [Fact]
    public void Every_function_is_counted_once_as_implemented_stubbed_or_missing()
    {
        var report = ApiCoverage.Compute(Catalog());
        Assert.Equal(report.Reachable, report.Implemented.Count + report.Stubbed.Count + report.Missing.Count);
        Assert.Contains("Spring.GetUnitPosition", report.Implemented);
        Assert.Contains("Spring.GetProjectilePosition", report.Missing);
        Assert.Contains("gl.Color", report.Stubbed);
        Assert.DoesNotContain(report.Groups, g => g.Source == "LuaSyncedCtrl");
    }

    [Fact]
    public void The_bundled_list_alone_shows_the_402_spring_functions_implemented()
    {
        var report = ApiCoverage.Compute(RecoilApiCatalog.Bundled);
        var implemented = report.Implemented.Count(n => n.StartsWith("Spring.", StringComparison.Ordinal));
        Assert.True(implemented >= 402,
            $"{implemented} of the 605 widget-reachable Spring functions implemented; 402 were: a native was lost");
    }

    [Fact]
    public void Aliases_missing_from_the_list_are_reported_as_unlisted()
    {
        var report = ApiCoverage.Compute(Catalog());
        Assert.Contains("Spring.GetMyPlayerID", report.ImplementedButUnlisted);
        Assert.All(report.ImplementedButUnlisted, n => Assert.Contains(n, SpringApiInstaller.ImplementedFunctions));
    }

    [Fact]
    public void A_missing_list_file_is_a_located_input_error()
    {
        var ex = Assert.Throws<BarHarness.Core.Diagnostics.HarnessInputException>(() =>
            RecoilApiCatalog.Load("/nonexistent/recoil-api.tsv"));
        Assert.Contains("recoil-api.tsv", ex.Describe());
    }
}
