using BarHarness.Reports.Model;
using BarHarness.Reports.Statistics;

namespace BarHarness.Reports.Analysis;

/// <summary>Builds a <see cref="BudgetReport"/> from a priced frame series and per-call-in timings.</summary>
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
        buckets ??= UnitCountBuckets.Standard;

        var widgetTotal = frames.WidgetMicros.Sum();
        var engineTotal = frames.EngineMicros.Sum();
        var instrumentsTotal = frames.InstrumentationMicros.Sum();
        var threadCpuTotal = frames.CpuMicros.Sum() + instrumentsTotal;
        return new BudgetReport
        {
            BudgetMicros = budgetMicros,
            FrameRealMicros = DistributionCalculator.Summarize(frames.WidgetMicros),
            FrameCost = DistributionCalculator.Summarize(frames.Cost),
            FrameEngineMicros = DistributionCalculator.Summarize(frames.EngineMicros),
            EngineShare = widgetTotal > 0 ? engineTotal / widgetTotal : 0,
            FrameCpuMicros = DistributionCalculator.Summarize(frames.CpuMicros),
            OverBudgetCpu = CountOver(frames.CpuMicros, budgetMicros),
            FrameSocketMicros = DistributionCalculator.Summarize(frames.SocketMicros),
            SocketShare = widgetTotal > 0 ? frames.SocketMicros.Sum() / widgetTotal : 0,
            Contention = threadCpuTotal > 0 ? widgetTotal / threadCpuTotal : 0,
            InstrumentationShare = threadCpuTotal > 0 ? instrumentsTotal / threadCpuTotal : 0,
            OverBudgetReal = CountOver(frames.WidgetMicros, budgetMicros),
            OverBudgetCost = CountOver(frames.Cost, budgetMicros),
            CallIns = callIns
                .OrderBy(c => c.CallIn, StringComparer.Ordinal)
                .Select(c => new CallInBudget(c.CallIn, c.RealMicros.Count, DistributionCalculator.Summarize(c.RealMicros), DistributionCalculator.Summarize(c.Cost))
                {
                    CpuMicros = DistributionCalculator.Summarize(c.CpuMicros),
                })
                .ToArray(),
            UnitBuckets = ByUnitBucket(frames, buckets),
        };
    }

    private static OverBudget CountOver(IReadOnlyList<double> values, double budget)
    {
        if (values.Count == 0)
        {
            return OverBudget.None;
        }

        long over = values.Count(v => v > budget);
        return new OverBudget(over, (double)over / values.Count);
    }

    private static UnitBucketBudget[] ByUnitBucket(FrameSeries frames, UnitCountBuckets buckets)
    {
        var real = buckets.Group(frames.Units, frames.WidgetMicros);
        var cost = buckets.Group(frames.Units, frames.Cost);
        var cpu = frames.CpuMicros.Count == frames.Units.Count ? buckets.Group(frames.Units, frames.CpuMicros) : null;
        return Enumerable.Range(0, buckets.Count)
            .Where(b => real[b].Count > 0)
            .Select(b => new UnitBucketBudget(
                buckets.Label(b),
                buckets.MinUnits(b),
                buckets.MaxUnits(b),
                DistributionCalculator.Summarize(real[b]),
                DistributionCalculator.Summarize(cost[b]))
            {
                CpuMicros = cpu is null ? Distribution.Empty : DistributionCalculator.Summarize(cpu[b]),
            })
            .ToArray();
    }
}
