using System.Text.Json;

namespace BarHarness.Reports.Tests.Exporters;

public sealed class MochaJsonExporterTests
{
    private static JsonDocument Export(BarHarness.Reports.Model.RunReport report) =>
        JsonDocument.Parse(ExportHelper.Bytes(new MochaJsonExporter(), report));

    [Fact]
    public void Output_has_the_mocha_json_reporter_shape()
    {
        using var json = Export(SampleReports.TwoScenarios());
        var root = json.RootElement;

        Assert.Equal(["stats", "tests", "pending", "failures", "passes"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["suites", "tests", "passes", "pending", "failures", "start", "end", "duration"],
            root.GetProperty("stats").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["title", "fullTitle", "file", "duration", "currentRetry", "err"],
            root.GetProperty("tests")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Stats_count_tests_passes_and_failures()
    {
        using var json = Export(SampleReports.TwoScenarios());
        var stats = json.RootElement.GetProperty("stats");

        Assert.Equal(2, stats.GetProperty("suites").GetInt32());
        Assert.Equal(5, stats.GetProperty("tests").GetInt32());
        Assert.Equal(3, stats.GetProperty("passes").GetInt32());
        Assert.Equal(2, stats.GetProperty("failures").GetInt32());
        Assert.Equal(600_000, stats.GetProperty("duration").GetDouble());
        Assert.Equal("2026-01-02T03:04:05Z", stats.GetProperty("start").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("failures").GetArrayLength());
    }

    [Fact]
    public void Passing_test_has_empty_err_and_failing_test_has_message_and_stack()
    {
        using var json = Export(SampleReports.TwoScenarios());

        var pass = json.RootElement.GetProperty("passes")[0];
        var fail = json.RootElement.GetProperty("failures")[0];
        Assert.Empty(pass.GetProperty("err").EnumerateObject());
        Assert.Equal("budget.max", fail.GetProperty("title").GetString());
        Assert.Equal(SampleReports.HostileName + " budget.max", fail.GetProperty("fullTitle").GetString());
        Assert.Contains("actual max = 2650", fail.GetProperty("err").GetProperty("message").GetString());
        Assert.Contains("Reproduce: barharness run", fail.GetProperty("err").GetProperty("stack").GetString());
    }
}
