namespace BarHarness.Reports.Tests.Browser;

public sealed class HtmlReportInBrowserTests
{
    [ChromiumFact]
    public void The_report_opens_in_Chromium_without_script_errors_and_draws_every_chart()
    {
        var html = ExportHelper.Html(SampleReports.TwoScenarios());

        var probe = HeadlessChromium.Open(html);

        Assert.Empty(probe.Errors);
        Assert.True(probe.Charts >= 10, $"expected the five charts of each of two scenarios, found {probe.Charts}");
        Assert.Equal(probe.Charts, probe.DrawnCharts);
    }

    [ChromiumFact]
    public void The_probe_sees_a_script_error_and_a_chart_that_draws_nothing()
    {
        // The check must be able to fail: a page with a throwing script and an empty, zero-size chart.
        var html = "<!DOCTYPE html><html><head><title>t</title></head><body>"
            + "<svg width=\"200\" height=\"100\"><path d=\"M0 0 L10 10\"/></svg><svg width=\"0\" height=\"0\"></svg>"
            + "<script>undefinedFunction();</script></body></html>";

        var probe = HeadlessChromium.Open(html);

        Assert.Contains(probe.Errors, e => e.Contains("undefinedFunction", StringComparison.Ordinal));
        Assert.Equal(2, probe.Charts);
        Assert.Equal(1, probe.DrawnCharts);
    }
}
