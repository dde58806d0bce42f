namespace BarHarness.Reports.Tests.Analysis;

public sealed class BudgetCalculatorTests
{
    private static FrameSeries Frames(params (int Units, double Micros, double Cost, double Engine)[] frames)
    {
        var builder = new FrameSeriesBuilder();
        for (var i = 0; i < frames.Length; i++)
        {
            var f = frames[i];
            builder.Add(new FrameSample(i, i / 30.0, f.Units, f.Micros, f.Cost, 0, 0, f.Engine, 0, 0));
        }

        return builder.Build();
    }

    [Fact]
    public void Frames_over_budget_are_counted_for_real_time_and_cost_separately()
    {
        var frames = Frames((10, 2500, 100, 0), (10, 100, 2100, 0), (10, 2001, 2001, 0), (10, 2000, 2000, 0));

        var report = BudgetCalculator.Compute(frames, []);

        Assert.Equal(2, report.OverBudgetReal.Frames);
        Assert.Equal(0.5, report.OverBudgetReal.Share);
        Assert.Equal(2, report.OverBudgetCost.Frames);
    }

    [Fact]
    public void Engine_share_is_engine_time_over_widget_time()
    {
        var report = BudgetCalculator.Compute(Frames((10, 300, 0, 100), (10, 100, 0, 0)), []);

        Assert.Equal(0.25, report.EngineShare, 12);
        Assert.Equal(100, report.FrameEngineMicros.Max);
    }

    [Fact]
    public void Time_is_split_by_unit_count_bucket_and_empty_buckets_are_left_out()
    {
        var frames = Frames((10, 100, 1, 0), (20, 300, 3, 0), (600, 900, 9, 0), (3000, 5000, 50, 0));

        var report = BudgetCalculator.Compute(frames, []);

        Assert.Equal(["0-49", "500-999", "2000+"], report.UnitBuckets.Select(b => b.Label));
        Assert.Equal(2, report.UnitBuckets[0].RealMicros.Count);
        Assert.Equal(300, report.UnitBuckets[0].RealMicros.Max);
        Assert.Null(report.UnitBuckets[2].MaxUnits);
    }

    [Fact]
    public void Call_ins_are_summarised_per_call_in_name_order()
    {
        CallInSamples[] callIns = [new("Update", [5, 7], [1, 1]), new("GameFrame", [10, 20, 30], [2, 3, 4])];

        var report = BudgetCalculator.Compute(FrameSeries.Empty, callIns);

        Assert.Equal(["GameFrame", "Update"], report.CallIns.Select(c => c.CallIn));
        Assert.Equal(3, report.CallIns[0].Calls);
        Assert.Equal(30, report.CallIns[0].RealMicros.Max);
    }

    [Fact]
    public void Optional_columns_appear_only_when_some_frame_supplied_them()
    {
        var builder = new FrameSeriesBuilder();
        builder.Add(new FrameSample(0, 0, 1, 1, 1, 1, 1, 1, 1, 1));
        builder.Add(new FrameSample(1, 0, 1, 1, 1, 1, 1, 1, 1, 1, QueueDepth: 4));

        var frames = builder.Build();

        Assert.Equal([0, 4], frames.QueueDepth!);
        Assert.Null(frames.FreshnessSeconds);
    }
}
