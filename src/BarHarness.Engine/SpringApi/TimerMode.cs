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
/// The fixed prices behind virtual timers: nanoseconds per Lua instruction, per engine call, per block
/// allocated and per byte allocated. A scenario run passes the same prices its deterministic cost
/// (the budget gate) uses, so a widget timing itself with Spring.GetTimer sees what the gate will
/// judge and its own budget logic reacts to the same figures. The defaults are a plain estimate for
/// BAR's Lua 5.1 on a current desktop CPU, for hosts that do not say.
/// </summary>
public sealed record VirtualTimerCostModel(
    double NanosPerInstruction = 4.0,
    double NanosPerEngineCall = 100.0,
    double NanosPerAllocation = 0.0,
    double NanosPerAllocByte = 0.0);
