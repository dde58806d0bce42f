namespace BarHarness.Reports.Model;

/// <summary>
/// Collects <see cref="FrameSample"/>s frame by frame and freezes them into a <see cref="FrameSeries"/>.
/// Optional columns (queue depth, freshness) are kept only when at least one frame supplied them;
/// frames that did not are recorded as 0 / NaN respectively.
/// </summary>
public sealed class FrameSeriesBuilder
{
    private readonly List<long> _frame = [];
    private readonly List<double> _gameSeconds = [];
    private readonly List<int> _units = [];
    private readonly List<double> _widgetMicros = [];
    private readonly List<double> _cost = [];
    private readonly List<long> _instructions = [];
    private readonly List<long> _engineCalls = [];
    private readonly List<double> _engineMicros = [];
    private readonly List<double> _cpuMicros = [];
    private readonly List<double> _instrumentationMicros = [];
    private readonly List<double> _socketMicros = [];
    private readonly List<long> _allocBytes = [];
    private readonly List<long> _allocCount = [];
    private readonly List<int> _queueDepth = [];
    private readonly List<double> _freshness = [];
    private readonly List<long> _faultFlags = [];
    private readonly IReadOnlyList<string> _faultNames;
    private bool _sawQueueDepth;
    private bool _sawFreshness;

    /// <param name="faultNames">Names for the fault flag bits, bit 0 first (at most 64).</param>
    public FrameSeriesBuilder(IReadOnlyList<string>? faultNames = null)
    {
        _faultNames = faultNames ?? [];
        if (_faultNames.Count > 64)
        {
            throw new ArgumentException("At most 64 fault names fit in the per-frame flags.", nameof(faultNames));
        }
    }

    public int Count => _frame.Count;

    public void Add(in FrameSample sample)
    {
        _frame.Add(sample.Frame);
        _gameSeconds.Add(sample.GameSeconds);
        _units.Add(sample.Units);
        _widgetMicros.Add(sample.WidgetMicros);
        _cost.Add(sample.Cost);
        _instructions.Add(sample.LuaInstructions);
        _engineCalls.Add(sample.EngineCalls);
        _engineMicros.Add(sample.EngineMicros);
        _cpuMicros.Add(sample.CpuMicros);
        _instrumentationMicros.Add(sample.InstrumentationMicros);
        _socketMicros.Add(sample.SocketMicros);
        _allocBytes.Add(sample.AllocBytes);
        _allocCount.Add(sample.AllocCount);
        _queueDepth.Add(sample.QueueDepth ?? 0);
        _freshness.Add(sample.FreshnessSeconds ?? double.NaN);
        _faultFlags.Add(sample.FaultFlags);
        _sawQueueDepth |= sample.QueueDepth.HasValue;
        _sawFreshness |= sample.FreshnessSeconds.HasValue;
    }

    public FrameSeries Build() => new()
    {
        Frame = _frame.ToArray(),
        GameSeconds = _gameSeconds.ToArray(),
        Units = _units.ToArray(),
        WidgetMicros = _widgetMicros.ToArray(),
        Cost = _cost.ToArray(),
        LuaInstructions = _instructions.ToArray(),
        EngineCalls = _engineCalls.ToArray(),
        EngineMicros = _engineMicros.ToArray(),
        CpuMicros = _cpuMicros.ToArray(),
        InstrumentationMicros = _instrumentationMicros.ToArray(),
        SocketMicros = _socketMicros.ToArray(),
        AllocBytes = _allocBytes.ToArray(),
        AllocCount = _allocCount.ToArray(),
        QueueDepth = _sawQueueDepth ? _queueDepth.ToArray() : null,
        FreshnessSeconds = _sawFreshness ? _freshness.ToArray() : null,
        FaultFlags = _faultFlags.ToArray(),
        FaultNames = _faultNames.ToArray(),
    };
}
