namespace BarHarness.LuaHost.Measurement;

/// <summary>
/// The widget's own CPU time, summed over its call-ins: the thread's CPU time inside each call-in less what
/// the harness's instruments added, the same figure the budget verdicts judge (each finished call-in adds
/// exactly its judged CPU time). A reading inside a call-in adds the call-in's CPU time so far, less the
/// instruments' share of it so far. Between call-ins it does not move: the widget's clock between frames is
/// the simulation's virtual time, which the caller adds. Readings never go backwards.
/// </summary>
public sealed class CallInCpuClock
{
    private readonly InstructionMeter _meter;
    private readonly AllocationCounter _allocations;
    private readonly Func<InstrumentationOverhead> _instrumentation;
    private long _finishedNanos;
    private long _startCpu;
    private long _startInstructions;
    private long _startAllocations;
    private long _lastReading;
    private bool _inCall;

    public CallInCpuClock(
        InstructionMeter meter, AllocationCounter allocations, Func<InstrumentationOverhead> instrumentation)
    {
        _meter = meter;
        _allocations = allocations;
        _instrumentation = instrumentation;
    }

    /// <summary>
    /// Readings taken inside the current (or last) call-in. Each read the thread CPU clock, a system call of
    /// <see cref="ThreadCpuClock.ReadCostNanos"/> that BAR's timer does not make: harness time, taken out of
    /// the call-in's CPU time like the instruments.
    /// </summary>
    public int ReadsInCall { get; private set; }

    /// <summary>A call-in starts; <paramref name="cpuNanos"/> is the thread CPU clock's reading at its start.</summary>
    public void Begin(long cpuNanos)
    {
        _inCall = true;
        _startCpu = cpuNanos;
        _startInstructions = _meter.Instructions;
        _startAllocations = _allocations.Count;
        ReadsInCall = 0;
    }

    /// <summary>A call-in ended, having cost the widget <paramref name="judgedNanos"/> of CPU time.</summary>
    public void End(long judgedNanos)
    {
        _inCall = false;
        _finishedNanos += Math.Max(0, judgedNanos);
        _lastReading = Math.Max(_lastReading, _finishedNanos);
    }

    /// <summary>
    /// A call-in ended that nobody judged (loading, scripts): its CPU time is estimated like a reading.
    /// </summary>
    public void End() => End(_inCall ? SoFar() : 0);

    /// <summary>The widget's CPU time up to now, ns.</summary>
    public long NowNanos()
    {
        if (_inCall)
        {
            ReadsInCall++;
        }

        var now = _inCall ? _finishedNanos + SoFar() : _finishedNanos;
        _lastReading = Math.Max(_lastReading, now);
        return _lastReading;
    }

    private long SoFar()
    {
        var spent = ThreadCpuClock.NowNanos() - _startCpu;
        var instruments = _instrumentation().NanosFor(
            _meter.Instructions - _startInstructions, _allocations.Count - _startAllocations);
        // One clock read opens the call-in's window; the widget's readings made the others.
        var clockReads = (1 + ReadsInCall) * ThreadCpuClock.ReadCostNanos;
        return Math.Max(0, spent - instruments - clockReads);
    }
}
