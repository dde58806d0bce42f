using BarHarness.Reports.Merging;

namespace BarHarness.Reports.Tests.Exporters;

public sealed class LuaVmReportingTests
{
    [Theory]
    [InlineData("json", "\"luaVm\": \"lua51\"")]
    [InlineData("junit", "name=\"luaVm\" value=\"lua51\"")]
    [InlineData("mocha", "\"luaVm\": \"lua51\"")]
    [InlineData("md", "Lua VM lua51")]
    [InlineData("html", "Lua VM lua51")]
    public void Every_format_names_the_lua_vm_that_ran(string format, string expected)
    {
        var report = SampleReports.TwoScenarios() with { LuaVm = "lua51" };

        Assert.Contains(expected, ExportHelper.Text(ExporterRegistry.Default.Get(format), report),
            StringComparison.Ordinal);
        Assert.DoesNotContain("lua51", ExportHelper.Text(ExporterRegistry.Default.Get(format),
            report with { LuaVm = "lua54" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_json_reads_the_lua_vm_back()
    {
        var report = SampleReports.TwoScenarios() with { LuaVm = "lua54" };
        using var json = new MemoryStream(ExportHelper.Bytes(ExporterRegistry.Default.Get("json"), report));

        Assert.Equal("lua54", SummaryJsonReader.Read(json, "summary.json").LuaVm);
    }

    [Fact]
    public void Shards_run_on_different_vms_are_not_merged()
    {
        var first = new ShardSummary("a/summary.json",
            SampleReports.Run(SampleReports.Passing("one", 1, frames: 30)) with { Shard = "1/2", LuaVm = "lua51" });
        var second = new ShardSummary("b/summary.json",
            SampleReports.Run(SampleReports.Passing("two", 2, frames: 30)) with { Shard = "2/2", LuaVm = "lua54" });

        var error = Assert.Throws<HarnessInputException>(() => ReportMerger.Merge([first, second]));
        Assert.Contains("lua54", error.Message, StringComparison.Ordinal);
        Assert.Equal("lua51", ReportMerger.Merge([first,
            second with { Report = second.Report with { LuaVm = "lua51" } }]).LuaVm);
    }
}
