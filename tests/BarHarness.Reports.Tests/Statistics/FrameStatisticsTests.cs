namespace BarHarness.Reports.Tests.Statistics;

public sealed class FrameStatisticsTests
{
    private static FrameSample Frame(long frame, Random random)
    {
        var cost = 250 + (random.NextDouble() * 100) + (frame % 997 == 0 ? 3000 : 0);
        var units = 200 + (int)(frame % 300);
        return new FrameSample(frame, frame / 30.0, units, cost * 0.7, cost, 1000, 20, 5, 12_000, 300);
    }

    private static FrameStatistics Run(long frames, double judgedAfterSeconds = 0)
    {
        var stats = new FrameStatistics(2000, judgedAfterSeconds);
        var random = new Random(17);
        for (var i = 1; i <= frames; i++)
        {
            stats.Add(Frame(i, random));
        }

        return stats;
    }

    [Fact]
    public void Memory_held_after_ten_times_the_frames_is_no_larger()
    {
        var short_ = Run(30_000);
        var long_ = Run(300_000);

        Assert.Equal(300_000, long_.All.Frames);
        Assert.True(
            long_.CellsHeld <= short_.CellsHeld + 100,
            $"{short_.CellsHeld} cells after 30,000 frames, {long_.CellsHeld} after 300,000");
        Assert.True(long_.Chart.Count <= long_.Chart.Capacity);
    }

    [Fact]
    public void Frames_over_budget_are_counted_exactly_in_the_whole_run_and_in_the_judged_window()
    {
        var stats = Run(10_000, judgedAfterSeconds: 100);

        Assert.Equal(10, stats.All.OverBudgetCost); // frames 997, 1994, ... 9970
        Assert.Equal(7, stats.Judged.OverBudgetCost); // from frame 3000 on
        Assert.Equal(10_000 - 2999, stats.Judged.Frames);
    }

    [Fact]
    public void The_verdict_window_and_the_report_read_one_summary()
    {
        var stats = Run(20_000, judgedAfterSeconds: 1);
        var report = BudgetCalculator.Compute(stats, []);

        Assert.Equal(stats.Judged.Cost.Percentile(99), report.Judged.FrameCost.P99);
        Assert.Equal(stats.All.Cost.Percentile(99), report.FrameCost.P99);
        Assert.Equal(1, report.Judged.AfterSeconds);
    }

    [Fact]
    public void Widget_clock_over_cpu_time_is_the_ratio_of_the_sums_and_only_over_timed_frames()
    {
        var window = new FrameWindowStatistics(2000);
        Assert.Null(window.TimerToCpu);

        window.Add(new FrameSample(1, 0, 10, 100, 100, 1000, 10, 1, 0, 0) { CpuMicros = 100, TimerMicros = 50 });
        window.Add(new FrameSample(2, 0, 10, 300, 300, 1000, 10, 1, 0, 0) { CpuMicros = 300, TimerMicros = 350 });
        window.Add(new FrameSample(3, 0, 10, 999, 999, 1000, 10, 1, 0, 0) { CpuMicros = 999 });

        Assert.Equal(1.0, window.TimerToCpu!.Value, 9); // (50 + 350) / (100 + 300): the untimed frame is left out
    }
}
