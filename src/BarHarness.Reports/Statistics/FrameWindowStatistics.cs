using BarHarness.Reports.Model;

namespace BarHarness.Reports.Statistics;

/// <summary>
/// Streaming summaries of the frames of one window (the whole run, the frames a verdict judges, one
/// unit-count bucket): real time, deterministic cost and engine time per frame, and exact counts of
/// frames over the budget.
/// </summary>
public sealed class FrameWindowStatistics
{
    private readonly double _budgetMicros;

    public FrameWindowStatistics(double budgetMicros)
    {
        _budgetMicros = budgetMicros;
    }

    public StreamingSummary RealMicros { get; } = new();

    public StreamingSummary Cost { get; } = new();

    public StreamingSummary EngineMicros { get; } = new();

    public long Frames { get; private set; }

    public long OverBudgetReal { get; private set; }

    public long OverBudgetCost { get; private set; }

    /// <summary>Values and buckets held by the three summaries.</summary>
    public long CellsHeld => (long)RealMicros.CellsHeld + Cost.CellsHeld + EngineMicros.CellsHeld;

    public void Add(in FrameSample sample)
    {
        Frames++;
        RealMicros.Add(sample.WidgetMicros);
        Cost.Add(sample.Cost);
        EngineMicros.Add(sample.EngineMicros);
        OverBudgetReal += sample.WidgetMicros > _budgetMicros ? 1 : 0;
        OverBudgetCost += sample.Cost > _budgetMicros ? 1 : 0;
    }

    public OverBudget OverReal() => Over(OverBudgetReal);

    public OverBudget OverCost() => Over(OverBudgetCost);

    private OverBudget Over(long frames) =>
        Frames == 0 ? OverBudget.None : new OverBudget(frames, (double)frames / Frames);
}
