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
/// The fixed prices behind virtual timers: nanoseconds per Lua instruction and per engine call. A
/// scenario run passes the prices its deterministic cost uses for those two counts, so a widget timing
/// itself with Spring.GetTimer reacts to the same figures on every replay. Allocations are left out on
/// purpose: their sizes depend on when tables rehash, which is not reproducible (see TimerNanos). The
/// defaults are a plain estimate for BAR's Lua 5.1 on a current desktop CPU, for hosts that do not say.
/// </summary>
public sealed record VirtualTimerCostModel(
    double NanosPerInstruction = 4.0,
    double NanosPerEngineCall = 100.0);
