using BarHarness.LuaHost.Interop;

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

    /// <summary>
    /// Spring.GetTimer reads the run's virtual time plus the widget's CPU time over its call-ins (the clock
    /// the budget verdicts judge, <c>CallInCpuClock</c>). The readings are measurements, so each is kept
    /// (<see cref="TimerReadings"/>): replaying them makes the widget take the same decisions again.
    /// </summary>
    Cpu,
}

/// <summary>
/// The fixed prices behind virtual timers: nanoseconds per Lua instruction and per engine call, so a
/// widget timing itself with Spring.GetTimer reacts to the same figures on every replay. The prices are
/// those of thread CPU time, the clock every budget verdict judges, on the reference 2-core machine, fitted
/// per VM (<see cref="For"/>): a widget that keeps its own clock within budget is then judged on nearly
/// the same figures. Allocations are left out on purpose: their sizes depend on when tables rehash, which
/// is not reproducible (see TimerNanos). How far the clock is from CPU time in a run is measured and
/// reported (summary.json <c>budget.judged.timerToCpu</c>).
/// </summary>
public sealed record VirtualTimerCostModel(double NanosPerInstruction, double NanosPerEngineCall)
{
    // Least squares through the origin of per-frame widget CPU time on (instructions, engine calls), frames
    // after 5 s of the load and resources scenarios, quiet reference machine, 2026-12-01 (README, CI gate section).
    // `barharness run --calibrate` prints the same fit on any machine (CpuPriceFit, over the chart's points).
    // The old price list (24 ns, 640 ns: the deterministic cost's, fitted to 5.4 real time) read 2.3-5x CPU.

    /// <summary>BAR's Lua 5.1 (native library): fitted 6.7 ns per instruction, 89 ns per engine call.</summary>
    public static VirtualTimerCostModel Lua51 { get; } = new(7.0, 90.0);

    /// <summary>Lua 5.4 under the 5.1 profile: fitted 10.8 ns per instruction, 242 ns per engine call.</summary>
    public static VirtualTimerCostModel Lua54 { get; } = new(11.0, 240.0);

    public static VirtualTimerCostModel For(LuaVmKind vm) => vm == LuaVmKind.Lua51 ? Lua51 : Lua54;

    /// <summary>What the virtual clock advances for this much work, in nanoseconds.</summary>
    public long Nanos(long instructions, long engineCalls) =>
        (long)(instructions * NanosPerInstruction) + (long)(engineCalls * NanosPerEngineCall);
}
