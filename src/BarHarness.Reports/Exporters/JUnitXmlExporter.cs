using System.Xml;

namespace BarHarness.Reports.Exporters;

/// <summary>
/// JUnit XML as CI tools read it: one &lt;testsuite&gt; per scenario, one &lt;testcase&gt; per expectation
/// (a failed expectation carries a &lt;failure&gt;), plus a "run" test case with an &lt;error&gt; when the run
/// itself crashed. Suite time is the scenario's real seconds; expectations are checked at the end of
/// a run and have no time of their own, so test cases carry time="0".
/// </summary>
public sealed class JUnitXmlExporter : IReportExporter
{
    public string FormatName => "junit";

    public string FileName => "junit.xml";

    public void Export(RunReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        var settings = new XmlWriterSettings
        {
            Indent = true,
            Encoding = new UTF8Encoding(false),
            CheckCharacters = true,
        };
        using var xml = XmlWriter.Create(destination, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "barharness");
        xml.WriteAttributeString("tests", Int(report.Scenarios.Sum(TestCount)));
        xml.WriteAttributeString("failures", Int(report.Scenarios.Sum(FailureCount)));
        xml.WriteAttributeString("errors", Int(report.Scenarios.Sum(ErrorCount)));
        xml.WriteAttributeString("time", Seconds(report.WallSeconds ?? report.Scenarios.Sum(s => s.WallSeconds ?? 0)));
        foreach (var scenario in report.Scenarios)
        {
            WriteSuite(xml, scenario, report.LuaVm);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteSuite(XmlWriter xml, ScenarioResult scenario, string? luaVm)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", XmlCharacters.Clean(scenario.Name));
        xml.WriteAttributeString("tests", Int(TestCount(scenario)));
        xml.WriteAttributeString("failures", Int(FailureCount(scenario)));
        xml.WriteAttributeString("errors", Int(ErrorCount(scenario)));
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", Seconds(scenario.WallSeconds ?? 0));
        xml.WriteAttributeString("file", XmlCharacters.Clean(scenario.File));

        xml.WriteStartElement("properties");
        WriteProperty(xml, "seed", scenario.Seed.ToString(CultureInfo.InvariantCulture));
        WriteProperty(xml, "widgetPath", scenario.WidgetPath);
        WriteProperty(xml, "widgetSha256", scenario.WidgetSha256);
        WriteProperty(xml, "gameSeconds", Seconds(scenario.DurationGameSeconds));
        WriteProperty(xml, "outcome", ReportFormat.Outcome(scenario.Outcome));
        if (luaVm is not null)
        {
            WriteProperty(xml, "luaVm", luaVm);
        }

        WriteProperty(xml, "reproduce", scenario.ReproduceCommand);
        if (ReportFormat.BudgetReplay(scenario) is { } replayed)
        {
            WriteProperty(xml, "budgetReplay", replayed);
        }
        xml.WriteEndElement();

        if (scenario.Error is { } error)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", "run");
            xml.WriteAttributeString("classname", XmlCharacters.Clean(scenario.Name));
            xml.WriteAttributeString("time", "0");
            xml.WriteStartElement("error");
            xml.WriteAttributeString("message", XmlCharacters.Clean(error.ToString()));
            xml.WriteAttributeString("type", "run-error");
            xml.WriteString(XmlCharacters.Clean(error + "\nReproduce: " + scenario.ReproduceCommand));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        foreach (var expectation in scenario.Expectations)
        {
            WriteCase(xml, scenario, expectation);
        }

        xml.WriteElementString("system-out", XmlCharacters.Clean("Reproduce: " + scenario.ReproduceCommand));
        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, ScenarioResult scenario, ExpectationResult expectation)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", XmlCharacters.Clean(expectation.Name));
        xml.WriteAttributeString("classname", XmlCharacters.Clean(scenario.Name));
        xml.WriteAttributeString("time", "0");
        if (!expectation.Passed)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString(
                "message",
                XmlCharacters.Clean($"expected {expectation.Expected}, actual {expectation.Actual}"));
            xml.WriteAttributeString("type", "expectation");
            var body = new StringBuilder()
                .Append("Expected: ").AppendLine(expectation.Expected).Append("Actual:   ")
                .AppendLine(expectation.Actual);
            if (!string.IsNullOrEmpty(expectation.Detail))
            {
                body.AppendLine(expectation.Detail);
            }

            body.Append("Reproduce: ").Append(scenario.ReproduceCommand);
            xml.WriteString(XmlCharacters.Clean(body.ToString()));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", XmlCharacters.Clean(value));
        xml.WriteEndElement();
    }

    private static int TestCount(ScenarioResult s) => s.Expectations.Count + (s.Error is null ? 0 : 1);

    private static int FailureCount(ScenarioResult s) => s.Expectations.Count(e => !e.Passed);

    private static int ErrorCount(ScenarioResult s) => s.Error is null ? 0 : 1;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
