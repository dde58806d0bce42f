using System.Text;
using System.Text.Json;

namespace BarHarness.Reports.Tests.Exporters;

public sealed class SummaryJsonTests
{
    private static RunReport ReadBack(byte[] bytes) => SummaryJsonReader.Read(new MemoryStream(bytes), "summary.json");

    [Fact]
    public void Summary_starts_with_schema_version_and_verdict_in_camel_case()
    {
        using var json = JsonDocument.Parse(ExportHelper.Bytes(new SummaryJsonExporter(),
            SampleReports.TwoScenarios()));
        var root = json.RootElement;

        Assert.Equal(["schemaVersion", "passed", "run"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(SummaryDocument.CurrentSchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.False(root.GetProperty("passed").GetBoolean());
        var scenario = root.GetProperty("run").GetProperty("scenarios")[1];
        Assert.Equal("fail", scenario.GetProperty("outcome").GetString());
        Assert.True(scenario.GetProperty("budget").GetProperty("frameCost").TryGetProperty("p99", out _));
        Assert.Equal("noGrowth",
            root.GetProperty("run").GetProperty("scenarios")[0].GetProperty("leak").GetProperty("verdict").GetString());
    }

    [Fact]
    public void Per_frame_columns_and_derived_members_stay_out_of_the_summary()
    {
        using var json = JsonDocument.Parse(ExportHelper.Bytes(new SummaryJsonExporter(),
            SampleReports.TwoScenarios()));
        var scenario = json.RootElement.GetProperty("run").GetProperty("scenarios")[0];

        Assert.False(scenario.TryGetProperty("frames", out _));
        Assert.False(scenario.TryGetProperty("failedExpectations", out _));
        Assert.False(json.RootElement.GetProperty("run").TryGetProperty("passed", out _));
    }

    [Fact]
    public void Summary_reads_back_to_the_same_report_apart_from_frames()
    {
        var original = SampleReports.TwoScenarios();
        var bytes = ExportHelper.Bytes(new SummaryJsonExporter(), original);

        var read = ReadBack(bytes);

        Assert.Equal(bytes, ExportHelper.Bytes(new SummaryJsonExporter(), read));
        Assert.Equal(original.Scenarios[1].Name, read.Scenarios[1].Name);
        Assert.Equal(original.Scenarios[0].Budget.FrameCost, read.Scenarios[0].Budget.FrameCost);
        Assert.Equal(original.Scenarios[0].Leak.Slope, read.Scenarios[0].Leak.Slope);
        Assert.Equal(original.CostModel, read.CostModel);
        Assert.Equal(0, read.Scenarios[0].Frames.Count);
    }

    [Fact]
    public void Same_report_gives_byte_identical_summaries()
    {
        Assert.Equal(
            ExportHelper.Bytes(new SummaryJsonExporter(), SampleReports.TwoScenarios()),
            ExportHelper.Bytes(new SummaryJsonExporter(), SampleReports.TwoScenarios()));
    }

    [Fact]
    public void Newer_schema_version_is_refused_with_the_file_named()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"schemaVersion\": 99, \"passed\": true, \"run\": {}}");

        var error = Assert.Throws<HarnessInputException>(() => ReadBack(bytes));

        Assert.Contains("schemaVersion 99", error.Message);
        Assert.StartsWith("summary.json:1", error.Describe());
    }

    [Fact]
    public void Broken_json_names_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"schemaVersion\": 1,\n  \"run\": [oops\n}");

        var error = Assert.Throws<HarnessInputException>(() => ReadBack(bytes));

        Assert.Equal(3, error.Location!.Line);
        Assert.True(error.Location.Column > 1);
    }

    [Fact]
    public void Missing_required_field_is_reported_as_input_error()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"schemaVersion\": 1, \"passed\": true, \"run\": "
            + "{\"toolVersion\": \"x\"}}");

        var error = Assert.Throws<HarnessInputException>(() => ReadBack(bytes));

        Assert.Contains("schema", error.Message);
    }

    [Fact]
    public void Missing_file_is_an_input_error_not_a_crash()
    {
        var error = Assert.Throws<HarnessInputException>(() => SummaryJsonReader.ReadFile("/nonexistent/summary.json"));

        Assert.Contains("not found", error.Message);
    }
}
