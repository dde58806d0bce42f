namespace BarHarness.Reports.Tests.Analysis;

public sealed class LeakAnalysisTests
{
    private static HeapSample[] Heap(double bytesPerMinute, int samples, Func<int, long>? wobble = null) =>
        Enumerable.Range(0, samples)
            .Select(k => new HeapSample(k * 30.0,
                1_000_000 + (long)(bytesPerMinute * k * 0.5) + (wobble?.Invoke(k) ?? 0)))
            .ToArray();

    [Fact]
    public void Steady_growth_above_the_allowance_is_a_leak()
    {
        var report = LeakAnalyzer.Analyze(Heap(20_000, 60, k => k % 2 == 0 ? 300 : -300), allowedBytesPerMinute: 4096);

        Assert.Equal(LeakVerdict.Growth, report.Verdict);
        Assert.NotNull(report.Slope);
        Assert.InRange(report.Slope!.BytesPerMinute, 19_000, 21_000);
        Assert.True(report.Slope.Low95 > 4096);
    }

    [Fact]
    public void Flat_heap_with_noise_is_no_growth()
    {
        var report = LeakAnalyzer.Analyze(Heap(0, 60, k => (k * 7919 % 13) * 50), allowedBytesPerMinute: 4096);

        Assert.Equal(LeakVerdict.NoGrowth, report.Verdict);
        Assert.True(report.Slope!.High95 <= 4096);
    }

    [Fact]
    public void Interval_straddling_the_allowance_is_inconclusive()
    {
        var slope = new SlopeEstimate(4000, 0, 1000, 7000, 10);

        var (verdict, reason) = LeakVerdictRule.Decide(slope, 4096);

        Assert.Equal(LeakVerdict.Inconclusive, verdict);
        Assert.Contains("straddles", reason);
    }

    [Fact]
    public void An_inconclusive_verdict_says_how_long_a_run_would_decide()
    {
        // Half-width 3000 B/min, 1000 B/min from the bound, over 60 s: (3000/1000)^(2/3) = 2.08 times longer.
        var slope = new SlopeEstimate(5096, 0, 2096, 8096, 30);

        var (_, reason) = LeakVerdictRule.Decide(slope, 4096, fitSeconds: 60);

        Assert.Contains("about 130 game seconds of steady state would decide", reason);
    }

    [Fact]
    public void Too_few_samples_are_inconclusive_without_a_fit()
    {
        var report = LeakAnalyzer.Analyze(Heap(50_000, 2), allowedBytesPerMinute: 0);

        Assert.Null(report.Slope);
        Assert.Equal(LeakVerdict.Inconclusive, report.Verdict);
    }

    [Fact]
    public void Warm_up_samples_are_kept_for_the_chart_but_left_out_of_the_fit()
    {
        // Warm-up climbs steeply, the steady state is flat.
        var samples = Enumerable.Range(0, 10).Select(k => new HeapSample(k, 100_000 * k))
            .Concat(Enumerable.Range(10, 40).Select(k => new HeapSample(k, 1_000_000)))
            .ToArray();

        var report = LeakAnalyzer.Analyze(samples, allowedBytesPerMinute: 100, fitFromGameSeconds: 10);

        Assert.Equal(50, report.HeapSamples.Count);
        Assert.Equal(40, report.Slope!.Samples);
        Assert.Equal(0, report.Slope.BytesPerMinute, 6);
    }

    [Fact]
    public void Retained_objects_are_listed_largest_first()
    {
        RetainedObject[] retained = [new("a", 10, "WG.a"), new("b", 300, "global b"), new("c", 20, "upvalue c")];

        var report = LeakAnalyzer.Analyze([], 0, retained: retained);

        Assert.Equal(["b", "c", "a"], report.Retained.Select(r => r.Description));
    }
}
