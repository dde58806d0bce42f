namespace BarHarness.Engine.SpringApi;

public enum TimerMode
{
    /// <summary>
    /// Deterministic: Spring.GetTimer reads a virtual clock made of the run's virtual time plus a fixed
    /// cost per Lua instruction and per engine call (see <see cref="VirtualTimerCostModel"/>).
    /// </summary>
    Virtual,

    /// <summary>Spring.GetTimer reads the machine's Stopwatch: real, and so not reproducible.</summary>
    Real,
}

/// <summary>
/// The fixed cost model behind virtual timers. Figures are for BAR's Lua 5.1 on a current desktop
/// CPU: a Lua VM instruction a few nanoseconds, an engine call (C function, argument checks, pushes)
/// about a tenth of a microsecond. They make widget-side timing (e.g. "spent X ms in my loop")
/// reproducible and roughly proportional to the work done, not exact.
/// </summary>
public sealed record VirtualTimerCostModel(double NanosPerInstruction = 4.0, double NanosPerEngineCall = 100.0);
