using BarHarness.Engine.Coverage;

namespace BarHarness.Cli.Tests;

public sealed class ApiCoverageCommandTests
{
    [Fact]
    public void Per_table_rows_add_up_to_the_report_totals()
    {
        var report = ApiCoverage.Compute(RecoilApiCatalog.Bundled);
        var rows = ApiCoverageTableRow.PerTable(report);

        Assert.Equal(report.Reachable, rows.Sum(r => r.Reachable));
        Assert.Equal(report.Implemented.Count, rows.Sum(r => r.Implemented));
        Assert.Equal(report.Missing.Count, rows.Sum(r => r.Missing));
        Assert.Equal(rows.Select(r => r.Table).Distinct().Count(), rows.Count);
    }

    [Fact]
    public void A_missing_list_file_is_bad_input()
    {
        Assert.Equal(
            ExitCodes.BadInput,
            CliRunner.Run("api-coverage", "--tsv", Path.Combine(CliRunner.TempDir(), "nope.tsv")));
    }

    [Fact]
    public void The_default_list_prints_coverage_and_exits_0()
    {
        Assert.Equal(ExitCodes.Passed, CliRunner.Run("api-coverage", "--list-missing"));
    }
}
