namespace BarHarness.LuaHost.Widgets;

/// <summary>What one call-in cost: real time, thread CPU time, and the deterministic counts.</summary>
/// <param name="WidgetsCalled">Widgets that defined the call-in and ran it.</param>
/// <param name="ElapsedTicks">Wall time, Stopwatch ticks.</param>
/// <param name="Instructions">Lua instructions counted by the hook.</param>
/// <param name="EngineCalls">Engine API calls.</param>
/// <param name="AllocCount">Allocations.</param>
/// <param name="AllocBytes">Bytes allocated.</param>
/// <param name="WatchdogTripped">The watchdog stopped the call-in.</param>
/// <param name="CpuNanos">The thread's CPU time over the call-in, as measured (instruments included).</param>
/// <param name="InstrumentationNanos">The part of <paramref name="CpuNanos"/> the harness's instruments
/// account for (see <c>InstrumentationOverhead</c>), never more than <paramref name="CpuNanos"/>.</param>
/// <param name="EngineTicks">Wall time inside engine natives, Stopwatch ticks.</param>
/// <param name="SocketTicks">Wall time inside LuaSocket natives, Stopwatch ticks.</param>
public readonly record struct CallInSample(
    int WidgetsCalled,
    long ElapsedTicks,
    long Instructions,
    long EngineCalls,
    long AllocCount,
    long AllocBytes,
    bool WatchdogTripped,
    long CpuNanos = 0,
    long InstrumentationNanos = 0,
    long EngineTicks = 0,
    long SocketTicks = 0)
{
    public double ElapsedMicroseconds => ElapsedTicks * 1_000_000.0 / Stopwatch.Frequency;

    /// <summary>CPU µs the widget used: the thread's CPU time less what the harness's instruments added.</summary>
    public double WidgetCpuMicroseconds => (CpuNanos - InstrumentationNanos) / 1000.0;

    public double EngineMicroseconds => EngineTicks * 1_000_000.0 / Stopwatch.Frequency;

    public double SocketMicroseconds => SocketTicks * 1_000_000.0 / Stopwatch.Frequency;
}
