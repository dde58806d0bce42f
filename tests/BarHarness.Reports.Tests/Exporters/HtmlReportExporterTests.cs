using System.Text.RegularExpressions;

namespace BarHarness.Reports.Tests.Exporters;

public sealed class HtmlReportExporterTests
{
    private static readonly string TwoScenariosHtml = ExportHelper.Html(SampleReports.TwoScenarios());

    [Fact]
    public void Report_draws_the_frame_heap_allocation_queue_and_freshness_charts()
    {
        var html = ExportHelper.Html(SampleReports.Run(SampleReports.Passing("typical", 1)));

        Assert.Equal(5, Regex.Count(html, "<svg "));
        Assert.Contains("Widget time per frame against the budget", html);
        Assert.Contains("class=\"budget\"", html);
        Assert.Contains("class=\"window\"", html);
        Assert.Contains("class=\"units\"", html);
        Assert.Contains("class=\"trend\"", html);
        Assert.Contains("Send-queue depth", html);
        Assert.Contains("Freshness", html);
    }

    [Fact]
    public void Hostile_scenario_names_are_escaped_everywhere()
    {
        var html = TwoScenariosHtml;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.DoesNotContain("\u0001", html);
    }

    [Fact]
    public void Report_is_self_contained()
    {
        var html = TwoScenariosHtml;

        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("http://",
            html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public void Slowest_frames_name_the_call_in_and_widget_functions()
    {
        var html = TwoScenariosHtml;

        Assert.Contains("Costliest frames", html);
        Assert.Contains("widget.lua:88 SendUnits, widget.lua:40 &lt;encode&gt;", html);
        Assert.Contains("upvalue &#39;cache&#39; of widget.lua:120 Update", html);
    }

    [Fact]
    public void Two_hour_run_stays_under_one_megabyte()
    {
        const int TwoHoursOfFrames = 2 * 60 * 60 * 30;
        var report = SampleReports.Run(SampleReports.Passing("endurance", 5, TwoHoursOfFrames));

        var bytes = ExportHelper.Bytes(new HtmlReportExporter(), report);

        Assert.InRange(bytes.Length, 1, 1024 * 1024);
    }

    [Fact]
    public void Downsampling_keeps_every_spike()
    {
        var x = Enumerable.Range(0, 100_000).Select(i => i / 30.0).ToArray();
        var y = x.Select((_, i) => i == 77_777 ? 9_999.0 : i % 7).ToArray();

        var buckets = BarHarness.Reports.Exporters.Html.MinMaxDownsampler.Downsample(x, i => y[i], 400);

        Assert.InRange(buckets.Count, 2, 400);
        Assert.Equal(9_999, buckets.Max(b => b.Max));
        Assert.Equal(0, buckets.Min(b => b.Min));
    }

    [Fact]
    public void Run_without_frames_still_renders_tables_and_no_charts()
    {
        var scenario = SampleReports.Errored("crashy", 1) with
        {
            Frames = BarHarness.Reports.Model.FrameSeries.Empty,
            Leak = BarHarness.Reports.Model.LeakReport.Empty
        };

        var html = ExportHelper.Html(SampleReports.Run(scenario));

        Assert.DoesNotContain("<svg", html);
        Assert.Contains("Run error", html);
    }
}
