namespace BarHarness.Reports.Statistics;

/// <summary>
/// Streaming summaries of the frames of one window (the whole run, the frames a verdict judges, one
/// unit-count bucket): the widget's CPU time, real time, deterministic cost, engine, socket and
/// instrument time per frame, and exact counts of frames over the budget.
/// </summary>
public sealed class FrameWindowStatistics
{
    private readonly double _budgetMicros;
    private double _timerMicros;
    private double _timedCpuMicros;

    public FrameWindowStatistics(double budgetMicros)
    {
        _budgetMicros = budgetMicros;
    }

    public StreamingSummary RealMicros { get; } = new();

    public StreamingSummary Cost { get; } = new();

    public StreamingSummary EngineMicros { get; } = new();

    /// <summary>Widget thread CPU µs per frame, the instruments' share taken out: what budgets judge.</summary>
    public StreamingSummary CpuMicros { get; } = new();

    public StreamingSummary SocketMicros { get; } = new();

    /// <summary>Thread CPU µs per frame of the collector's steps between call-ins.</summary>
    public StreamingSummary CollectorMicros { get; } = new();

    /// <summary>Thread CPU µs per frame the harness's instruments account for.</summary>
    public StreamingSummary InstrumentationMicros { get; } = new();

    public long Frames { get; private set; }

    public long OverBudgetReal { get; private set; }

    public long OverBudgetCost { get; private set; }

    public long OverBudgetCpu { get; private set; }

    /// <summary>Values and buckets held by the summaries.</summary>
    public long CellsHeld => (long)RealMicros.CellsHeld + Cost.CellsHeld + EngineMicros.CellsHeld
        + CpuMicros.CellsHeld + SocketMicros.CellsHeld + InstrumentationMicros.CellsHeld + CollectorMicros.CellsHeld;

    public void Add(in FrameSample sample)
    {
        Frames++;
        RealMicros.Add(sample.WidgetMicros);
        Cost.Add(sample.Cost);
        EngineMicros.Add(sample.EngineMicros);
        CpuMicros.Add(sample.CpuMicros);
        SocketMicros.Add(sample.SocketMicros);
        CollectorMicros.Add(sample.CollectorMicros);
        InstrumentationMicros.Add(sample.InstrumentationMicros);
        OverBudgetCpu += sample.CpuMicros > _budgetMicros ? 1 : 0;
        OverBudgetReal += sample.WidgetMicros > _budgetMicros ? 1 : 0;
        OverBudgetCost += sample.Cost > _budgetMicros ? 1 : 0;
        if (sample.TimerMicros is double timer)
        {
            _timerMicros += timer;
            _timedCpuMicros += sample.CpuMicros;
        }
    }

    /// <summary>
    /// The widget's own clock over its CPU time in these frames: 1.0 when Spring.GetTimer told the widget
    /// what the budget verdicts judge, below 1 when it read less. Null with no timed frame or no CPU time.
    /// </summary>
    public double? TimerToCpu => _timedCpuMicros > 0 ? _timerMicros / _timedCpuMicros : null;

    public OverBudget OverReal() => Over(OverBudgetReal);

    public OverBudget OverCost() => Over(OverBudgetCost);

    public OverBudget OverCpu() => Over(OverBudgetCpu);

    private OverBudget Over(long frames) =>
        Frames == 0 ? OverBudget.None : new OverBudget(frames, (double)frames / Frames);
}
