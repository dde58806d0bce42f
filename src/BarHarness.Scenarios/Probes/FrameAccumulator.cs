using BarHarness.Reports.Statistics;

namespace BarHarness.Scenarios.Probes;

/// <summary>
/// Adds up what the widget cost between two sim frames: GameFrame, the unit call-ins of that frame,
/// and the Update/DrawScreen calls of the draw ticks that follow it. Also summarises each call-in's
/// calls for the budget report, in bounded memory (<see cref="StreamingSummary"/>).
/// </summary>
internal sealed class FrameAccumulator
{
    private readonly Dictionary<string, CallInSummary> _byCallIn = new(StringComparer.Ordinal);

    public long Ticks { get; private set; }

    /// <summary>Thread CPU ns of the widget, the instruments' share taken out.</summary>
    public long WidgetCpuNanos { get; private set; }

    /// <summary>Thread CPU ns the harness's instruments account for (not in <see cref="WidgetCpuNanos"/>).</summary>
    public long InstrumentationNanos { get; private set; }

    public long EngineTicks { get; private set; }

    public long SocketTicks { get; private set; }

    public long Instructions { get; private set; }

    public long EngineCalls { get; private set; }

    public long AllocCount { get; private set; }

    public long AllocBytes { get; private set; }

    /// <summary>Thread CPU ns of the collector's steps between call-ins (not in <see cref="WidgetCpuNanos"/>).
    /// </summary>
    public long CollectorNanos { get; private set; }

    public string CostliestCallIn { get; private set; } = "-";

    private long _costliestTicks = -1;

    public IReadOnlyDictionary<string, CallInSummary> ByCallIn => _byCallIn;

    public void Add(string callIn, in CallInSample sample, Func<CallInSample, double> price)
    {
        if (sample.WidgetsCalled == 0 && sample.Instructions == 0)
        {
            return;
        }

        Ticks += sample.ElapsedTicks;
        WidgetCpuNanos += sample.CpuNanos - sample.InstrumentationNanos;
        InstrumentationNanos += sample.InstrumentationNanos;
        EngineTicks += sample.EngineTicks;
        SocketTicks += sample.SocketTicks;
        Instructions += sample.Instructions;
        EngineCalls += sample.EngineCalls;
        AllocCount += sample.AllocCount;
        AllocBytes += sample.AllocBytes;
        if (sample.ElapsedTicks > _costliestTicks)
        {
            _costliestTicks = sample.ElapsedTicks;
            CostliestCallIn = callIn;
        }

        if (!_byCallIn.TryGetValue(callIn, out var summary))
        {
            summary = new CallInSummary(callIn, new StreamingSummary(), new StreamingSummary());
            _byCallIn[callIn] = summary;
        }

        summary.RealMicros.Add(sample.ElapsedMicroseconds);
        summary.Cost.Add(price(sample));
        summary.CpuMicros.Add(sample.WidgetCpuMicroseconds);
    }

    public void AddCollectorStep(long cpuNanos) => CollectorNanos += cpuNanos;

    public void ResetFrame()
    {
        Ticks = 0;
        CollectorNanos = 0;
        WidgetCpuNanos = 0;
        InstrumentationNanos = 0;
        EngineTicks = 0;
        SocketTicks = 0;
        Instructions = 0;
        EngineCalls = 0;
        AllocCount = 0;
        AllocBytes = 0;
        CostliestCallIn = "-";
        _costliestTicks = -1;
    }
}
