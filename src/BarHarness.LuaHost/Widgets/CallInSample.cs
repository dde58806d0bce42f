namespace BarHarness.LuaHost.Widgets;

/// <summary>What one call-in cost: real time, and the deterministic counts the CI gate relies on.</summary>
public readonly record struct CallInSample(
    int WidgetsCalled,
    long ElapsedTicks,
    long Instructions,
    long EngineCalls,
    long AllocCount,
    long AllocBytes,
    bool WatchdogTripped)
{
    public double ElapsedMicroseconds => ElapsedTicks * 1_000_000.0 / System.Diagnostics.Stopwatch.Frequency;
}
