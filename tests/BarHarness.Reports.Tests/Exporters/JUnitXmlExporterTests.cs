using System.Xml.Linq;

namespace BarHarness.Reports.Tests.Exporters;

public sealed class JUnitXmlExporterTests
{
    private static XDocument Export(BarHarness.Reports.Model.RunReport report) =>
        XDocument.Load(new MemoryStream(ExportHelper.Bytes(new JUnitXmlExporter(), report)));

    [Fact]
    public void One_suite_per_scenario_and_one_case_per_expectation()
    {
        var xml = Export(SampleReports.TwoScenarios());

        var suites = xml.Root!.Elements("testsuite").ToArray();
        Assert.Equal("testsuites", xml.Root.Name.LocalName);
        Assert.Equal(2, suites.Length);
        Assert.Equal(2, suites[0].Elements("testcase").Count());
        Assert.Equal(3, suites[1].Elements("testcase").Count());
        Assert.Equal("5", xml.Root.Attribute("tests")!.Value);
        Assert.Equal("2", xml.Root.Attribute("failures")!.Value);
        Assert.Equal("2", suites[1].Attribute("failures")!.Value);
        Assert.Equal("1.5", suites[0].Attribute("time")!.Value);
    }

    [Fact]
    public void Failed_expectation_carries_a_failure_with_expected_actual_and_reproduce_command()
    {
        var xml = Export(SampleReports.TwoScenarios());

        var failure = xml.Descendants("testcase").Single(c =>
            c.Attribute("name")!.Value == "budget.max").Element("failure")!;
        Assert.Equal("expected max <= 2000 µs, actual max = 2650 µs", failure.Attribute("message")!.Value);
        Assert.Contains("barharness run", failure.Value);
        Assert.Null(xml.Descendants("testcase").Single(c =>
            c.Attribute("name")!.Value == "no-lua-errors").Element("failure"));
    }

    [Fact]
    public void Hostile_text_round_trips_escaped_and_invalid_characters_are_replaced()
    {
        var xml = Export(SampleReports.TwoScenarios());

        var suite = xml.Root!.Elements("testsuite").ElementAt(1);
        Assert.Equal(SampleReports.HostileName.Replace('\u0001', '\uFFFD'), suite.Attribute("name")!.Value);
        var lost = xml.Descendants("failure").Single(f => f.Attribute("message")!.Value.Contains("lost"));
        Assert.Contains("\uFFFD </failure>", lost.Attribute("message")!.Value);
    }

    [Fact]
    public void Crashed_run_is_reported_as_an_error_test_case()
    {
        var xml = Export(SampleReports.Run(SampleReports.Errored("crashy", 3)));

        var error = xml.Descendants("testcase").Single(c => c.Attribute("name")!.Value == "run").Element("error")!;
        Assert.Contains("widget.lua:120", error.Attribute("message")!.Value);
        Assert.Equal("1", xml.Root!.Attribute("errors")!.Value);
    }

    [Fact]
    public void Suite_properties_name_seed_and_widget_hash()
    {
        var xml = Export(SampleReports.TwoScenarios());

        var properties = xml.Root!.Element("testsuite")!.Element("properties")!.Elements("property")
            .ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);
        Assert.Equal("42", properties["seed"]);
        Assert.Equal(64, properties["widgetSha256"].Length);
    }
}
