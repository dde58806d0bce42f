namespace BarHarness.Reports.Analysis;

/// <summary>
/// Builds a <see cref="BudgetReport"/> from streaming frame and call-in summaries. Every percentile
/// comes from a <see cref="StreamingSummary"/> (exact up to its limit, then within 0.5%), so the
/// report and the verdicts read the same figures.
/// </summary>
public static class BudgetCalculator
{
    /// <summary>BAR's per-frame target for a widget: 2 ms.</summary>
    public const double DefaultBudgetMicros = 2000;

    /// <param name="frames">Frames whose <see cref="FrameSeries.Cost"/> column is already priced.</param>
    /// <param name="callIns">Per-call timings, one entry per call-in name.</param>
    /// <param name="budgetMicros">Per-frame budget in µs (applied to real time and to cost alike).</param>
    /// <param name="buckets">Unit-count buckets, <see cref="UnitCountBuckets.Standard"/> by default.</param>
    public static BudgetReport Compute(
        FrameSeries frames,
        IReadOnlyList<CallInSamples> callIns,
        double budgetMicros = DefaultBudgetMicros,
        UnitCountBuckets? buckets = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(callIns);
        return Compute(FrameStatistics.Of(frames, budgetMicros, 0, buckets), callIns.Select(CallInSummary.Of).ToList());
    }

    /// <param name="frames">Frames summarised as the run went (budget and judged window fixed there).</param>
    /// <param name="callIns">Per-call summaries, one entry per call-in name.</param>
    public static BudgetReport Compute(FrameStatistics frames, IReadOnlyList<CallInSummary> callIns)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(callIns);
        var all = frames.All;
        var widgetTotal = all.RealMicros.Sum;
        var engineTotal = all.EngineMicros.Sum;
        var instrumentsTotal = all.InstrumentationMicros.Sum;
        var threadCpuTotal = all.CpuMicros.Sum + instrumentsTotal;
        return new BudgetReport
        {
            BudgetMicros = frames.BudgetMicros,
            FrameRealMicros = all.RealMicros.ToDistribution(),
            FrameCost = all.Cost.ToDistribution(),
            FrameEngineMicros = all.EngineMicros.ToDistribution(),
            EngineShare = widgetTotal > 0 ? engineTotal / widgetTotal : 0,
            FrameCpuMicros = all.CpuMicros.ToDistribution(),
            OverBudgetCpu = all.OverCpu(),
            FrameSocketMicros = all.SocketMicros.ToDistribution(),
            FrameCollectorMicros = all.CollectorMicros.ToDistribution(),
            SocketShare = widgetTotal > 0 ? all.SocketMicros.Sum / widgetTotal : 0,
            Contention = threadCpuTotal > 0 ? widgetTotal / threadCpuTotal : 0,
            InstrumentationShare = threadCpuTotal > 0 ? instrumentsTotal / threadCpuTotal : 0,
            OverBudgetReal = all.OverReal(),
            OverBudgetCost = all.OverCost(),
            CallIns = callIns
                .OrderBy(c => c.CallIn, StringComparer.Ordinal)
                .Select(c => new CallInBudget(
                    c.CallIn, c.RealMicros.Count, c.RealMicros.ToDistribution(), c.Cost.ToDistribution())
                {
                    CpuMicros = c.CpuMicros.ToDistribution(),
                })
                .ToArray(),
            UnitBuckets = ByUnitBucket(frames),
            Judged = new JudgedFrames
            {
                AfterSeconds = frames.JudgedAfterSeconds,
                FrameRealMicros = frames.Judged.RealMicros.ToDistribution(),
                FrameCost = frames.Judged.Cost.ToDistribution(),
                FrameCpuMicros = frames.Judged.CpuMicros.ToDistribution(),
                OverBudgetCpu = frames.Judged.OverCpu(),
                Contention = Contention(frames.Judged),
                TimerToCpu = frames.Judged.TimerToCpu,
                FrameCollectorMicros = frames.Judged.CollectorMicros.ToDistribution(),
                OverBudgetReal = frames.Judged.OverReal(),
                OverBudgetCost = frames.Judged.OverCost(),
            },
        };
    }

    private static UnitBucketBudget[] ByUnitBucket(FrameStatistics frames)
    {
        var buckets = frames.Buckets;
        return Enumerable.Range(0, buckets.Count)
            .Where(b => frames.Bucket(b) is { Frames: > 0 })
            .Select(b => new UnitBucketBudget(
                buckets.Label(b),
                buckets.MinUnits(b),
                buckets.MaxUnits(b),
                frames.Bucket(b)!.RealMicros.ToDistribution(),
                frames.Bucket(b)!.Cost.ToDistribution())
            {
                CpuMicros = frames.Bucket(b)!.CpuMicros.ToDistribution(),
                TimerToCpu = frames.Bucket(b)!.TimerToCpu,
            })
            .ToArray();
    }

    /// <summary>Real time over thread CPU time (the widget's plus the instruments'); 0 without CPU figures.</summary>
    private static double Contention(FrameWindowStatistics window)
    {
        var threadCpu = window.CpuMicros.Sum + window.InstrumentationMicros.Sum;
        return threadCpu > 0 ? window.RealMicros.Sum / threadCpu : 0;
    }
}
