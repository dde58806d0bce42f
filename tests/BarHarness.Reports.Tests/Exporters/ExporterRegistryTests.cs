namespace BarHarness.Reports.Tests.Exporters;

public sealed class ExporterRegistryTests
{
    [Fact]
    public void Every_documented_format_name_has_an_exporter_with_its_file()
    {
        var registry = ExporterRegistry.Default;

        Assert.Equal("summary.json", registry.Get("json").FileName);
        Assert.Equal("junit.xml", registry.Get("junit").FileName);
        Assert.Equal("results.json", registry.Get("mocha").FileName);
        Assert.Equal("summary.md", registry.Get("md").FileName);
        Assert.Equal("index.html", registry.Get("html").FileName);
    }

    [Fact]
    public void Unknown_format_lists_the_valid_names()
    {
        var error = Assert.Throws<HarnessInputException>(() => ExporterRegistry.Default.Parse("json,pdf"));

        Assert.Contains("'pdf'", error.Message);
        Assert.Equal("one of html, json, junit, md, mocha", error.Expected);
    }

    [Fact]
    public void Format_list_keeps_order_and_drops_repeats()
    {
        var exporters = ExporterRegistry.Default.Parse(" html, json ,html");

        Assert.Equal(["html", "json"], exporters.Select(e => e.FormatName));
    }

    [Fact]
    public void Writing_all_formats_creates_one_file_each()
    {
        var directory = Path.Combine(Path.GetTempPath(), "barharness-reports-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = ReportWriter.WriteAll(SampleReports.TwoScenarios(),
                ExporterRegistry.Default.Parse("json,junit,mocha,md,html"), directory);

            Assert.Equal(5, files.Count);
            Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Every_exporter_copes_with_lone_surrogates_and_control_characters()
    {
        var hostile = SampleReports.Run(SampleReports.Failing("bad\uD800name\u0007",
            1) with
        { ReproduceCommand = "run \uDC00" });

        foreach (var name in ExporterRegistry.Default.Names)
        {
            Assert.NotEmpty(ExportHelper.Bytes(ExporterRegistry.Default.Get(name), hostile));
        }
    }
}
