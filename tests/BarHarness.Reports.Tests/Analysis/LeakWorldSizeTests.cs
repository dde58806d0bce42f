using BarHarness.Reports.Analysis;
using BarHarness.Reports.Model;

namespace BarHarness.Reports.Tests.Analysis;

/// <summary>The leak fit holds the visible units fixed: a heap that follows the world is not a leak.</summary>
public sealed class LeakWorldSizeTests
{
    private const int BytesPerUnit = 900;

    // Units wander up and back down (LOS changes) over a rising drift, as in a soak with churn.
    private static int Units(int k) => 180 + (k / 2) + ((k * 7919) % 11) - 5;

    private static HeapSample[] Heap(double leakBytesPerMinute, int samples) =>
        Enumerable.Range(0, samples)
            .Select(k => new HeapSample(
                k * 2.0,
                1_700_000 + (Units(k) * BytesPerUnit) + (long)(leakBytesPerMinute * k * 2.0 / 60) + ((k % 3) * 200),
                Units(k)))
            .ToArray();

    [Fact]
    public void A_heap_that_follows_the_visible_units_is_not_growth()
    {
        var heap = Heap(leakBytesPerMinute: 0, samples: 40);

        var report = LeakAnalyzer.Analyze(heap, allowedBytesPerMinute: 1024);

        Assert.NotEqual(LeakVerdict.Growth, report.Verdict);
        Assert.InRange(report.Slope!.BytesPerVisibleUnit!.Value, BytesPerUnit * 0.9, BytesPerUnit * 1.1);
    }

    [Fact]
    public void Without_the_visible_units_the_same_heap_reads_as_growth()
    {
        // The check above must not pass by accident: the same bytes, fitted on time alone, grow.
        var heap = Heap(leakBytesPerMinute: 0, samples: 40).Select(s => s with { VisibleUnits = null }).ToList();

        var report = LeakAnalyzer.Analyze(heap, allowedBytesPerMinute: 1024);

        Assert.Equal(LeakVerdict.Growth, report.Verdict);
        Assert.Null(report.Slope!.BytesPerVisibleUnit);
    }

    [Fact]
    public void Growth_at_a_constant_world_is_still_a_leak()
    {
        var heap = Heap(leakBytesPerMinute: 60_000, samples: 40);

        var report = LeakAnalyzer.Analyze(heap, allowedBytesPerMinute: 1024);

        Assert.Equal(LeakVerdict.Growth, report.Verdict);
        Assert.InRange(report.Slope!.BytesPerMinute, 54_000, 66_000);
    }
}
