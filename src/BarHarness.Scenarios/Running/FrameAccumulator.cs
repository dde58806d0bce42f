using BarHarness.LuaHost.Widgets;

namespace BarHarness.Scenarios.Running;

/// <summary>
/// Adds up what the widget cost between two sim frames: GameFrame, the unit call-ins of that frame,
/// and the Update/DrawScreen calls of the draw ticks that follow it. Also keeps the per-call-in
/// samples the budget report breaks down.
/// </summary>
internal sealed class FrameAccumulator
{
    private readonly Dictionary<string, CallInSeries> _byCallIn = new(StringComparer.Ordinal);

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

    public string CostliestCallIn { get; private set; } = "-";

    private long _costliestTicks = -1;

    public IReadOnlyDictionary<string, CallInSeries> ByCallIn => _byCallIn;

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

        if (!_byCallIn.TryGetValue(callIn, out var lists))
        {
            lists = new CallInSeries();
            _byCallIn[callIn] = lists;
        }

        lists.Real.Add(sample.ElapsedMicroseconds);
        lists.Cost.Add(price(sample));
        lists.Cpu.Add(sample.WidgetCpuMicroseconds);
    }

    public void ResetFrame()
    {
        Ticks = 0;
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

/// <summary>One call-in's samples over a run: wall µs, deterministic cost, widget CPU µs.</summary>
internal sealed class CallInSeries
{
    public List<double> Real { get; } = new();

    public List<double> Cost { get; } = new();

    public List<double> Cpu { get; } = new();
}
