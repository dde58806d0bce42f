namespace BarHarness.Reports.Exporters.Html;

/// <summary>The charts of one scenario, each returned as SVG markup, or null when its data was not recorded.</summary>
internal static class ScenarioCharts
{
    /// <summary>Above this many heap samples the points become a min/max band.</summary>
    private const int MaxHeapPoints = 1500;

    public static string? FrameTime(ScenarioResult s)
    {
        var f = s.Frames;
        if (f.Count == 0)
        {
            return null;
        }

        var highest = f.MaxWidgetMicros.Count == f.Count ? f.MaxWidgetMicros.Max() : f.WidgetMicros.Max();
        var yMax = Math.Max(highest, s.Budget.BudgetMicros * 1.2);
        var chart = new SvgChart(
            "Widget time per frame against the budget",
            f.GameSeconds[0],
            f.GameSeconds[^1],
            yMax,
            "µs per frame");
        AddFaultWindows(chart, s);
        chart.AddBand(RealTimeBand(f), "real");
        chart.AddLine(MaxLine(f.GameSeconds, i => f.Cost[i]), "cost");
        chart.AddSecondLine(MaxLine(f.GameSeconds, i => f.Units[i]), "units", "units");
        chart.AddRule(s.Budget.BudgetMicros, $"budget {ReportFormat.Micros(s.Budget.BudgetMicros)} µs", "budget");
        return chart.ToString();
    }

    public static string? Heap(ScenarioResult s)
    {
        var samples = s.Leak.HeapSamples;
        if (samples.Count == 0)
        {
            return null;
        }

        var first = samples[0].GameSeconds;
        var last = samples[^1].GameSeconds;
        var low = samples.Min(h => h.Bytes);
        var high = samples.Max(h => h.Bytes);
        var chart = new SvgChart(
            "Heap after full collection, with fitted trend",
            first,
            last,
            high,
            "bytes after full GC",
            SvgChart.NiceFloor(low, Math.Max(high - low, high * 0.01)));
        AddFaultWindows(chart, s);
        if (samples.Count <= MaxHeapPoints)
        {
            chart.AddPoints(samples.Select(h => (h.GameSeconds, (double)h.Bytes)).ToArray(), "heap");
        }
        else
        {
            var times = samples.Select(h => h.GameSeconds).ToArray();
            chart.AddBand(MinMaxDownsampler.Downsample(times, i => samples[i].Bytes, SvgChart.PlotColumns), "heap");
        }

        if (s.Leak.Slope is { } slope)
        {
            var from = Math.Max(first, s.Leak.FitFromGameSeconds);
            chart.AddLine([(from, Trend(slope, from)), (last, Trend(slope, last))], "trend");
        }

        return chart.ToString();
    }

    public static string? Allocation(ScenarioResult s)
    {
        var f = s.Frames;
        if (f.Count == 0)
        {
            return null;
        }

        var chart = new SvgChart(
            "Bytes allocated per frame",
            f.GameSeconds[0],
            f.GameSeconds[^1],
            f.AllocBytes.Max(),
            "bytes per frame");
        AddFaultWindows(chart, s);
        chart.AddBand(MinMaxDownsampler.Downsample(f.GameSeconds, i => f.AllocBytes[i], SvgChart.PlotColumns), "alloc");
        return chart.ToString();
    }

    public static string? QueueDepth(ScenarioResult s)
    {
        var f = s.Frames;
        if (f.Count == 0 || f.QueueDepth is not { } depth)
        {
            return null;
        }

        var chart = new SvgChart(
            "Send-queue depth",
            f.GameSeconds[0],
            f.GameSeconds[^1],
            depth.Max(),
            "messages queued");
        AddFaultWindows(chart, s);
        chart.AddBand(MinMaxDownsampler.Downsample(f.GameSeconds, i => depth[i], SvgChart.PlotColumns), "queue");
        return chart.ToString();
    }

    public static string? Freshness(ScenarioResult s)
    {
        var f = s.Frames;
        if (f.Count == 0 || f.FreshnessSeconds is not { } freshness || freshness.All(double.IsNaN))
        {
            return null;
        }

        var chart = new SvgChart(
            "Freshness of the server's newest data",
            f.GameSeconds[0],
            f.GameSeconds[^1],
            freshness.Where(v => !double.IsNaN(v)).Max(),
            "seconds old");
        AddFaultWindows(chart, s);
        chart.AddBand(MinMaxDownsampler.Downsample(f.GameSeconds, i => freshness[i], SvgChart.PlotColumns), "fresh");
        return chart.ToString();
    }

    // A downsampled series carries each point's lowest and highest real time: the band spans both.
    private static IReadOnlyList<ChartBucket> RealTimeBand(FrameSeries f)
    {
        if (f.MinWidgetMicros.Count != f.Count || f.MaxWidgetMicros.Count != f.Count)
        {
            return MinMaxDownsampler.Downsample(f.GameSeconds, i => f.WidgetMicros[i], SvgChart.PlotColumns);
        }

        var low = MinMaxDownsampler.Downsample(f.GameSeconds, i => f.MinWidgetMicros[i], SvgChart.PlotColumns);
        var high = MinMaxDownsampler.Downsample(f.GameSeconds, i => f.MaxWidgetMicros[i], SvgChart.PlotColumns);
        return low.Zip(high, (l, h) => l with { Max = h.Max }).ToArray();
    }

    private static double Trend(SlopeEstimate slope, double gameSeconds) =>
        slope.InterceptBytes + (slope.BytesPerMinute * gameSeconds / 60.0);

    private static (double X, double Y)[] MaxLine(IReadOnlyList<double> x, Func<int, double> y) =>
        MinMaxDownsampler.Downsample(x, y, SvgChart.PlotColumns).Select(b => (b.X, b.Max)).ToArray();

    private static void AddFaultWindows(SvgChart chart, ScenarioResult s)
    {
        foreach (var w in s.FaultWindows)
        {
            chart.AddWindow(
                w.StartGameSeconds,
                w.EndGameSeconds,
                $"{w.Name} {ReportFormat.GameTime(w.StartGameSeconds)}–{ReportFormat.GameTime(w.EndGameSeconds)}");
        }
    }
}
