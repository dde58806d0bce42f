namespace BarHarness.LuaHost.Runtime;

/// <summary>How faithful and how watchful a Lua VM is.</summary>
public sealed record LuaRuntimeOptions
{
    /// <summary>Emulate BAR's Lua 5.1 on the 5.4 VM (5.1 globals present, 5.4-only ones hidden, 5.1 number printing).
    /// The native 5.1 VM needs none.</summary>
    public bool Lua51Profile { get; init; } = true;

    /// <summary>Round every number the engine hands to Lua to float32, as BAR's LUA_NUMBER is a float.</summary>
    public bool Float32Numbers { get; init; }

    /// <summary>The instruction counter's resolution: the count hook fires every this many instructions.</summary>
    public int HookInterval { get; init; } = 1000;

    /// <summary>
    /// Count instructions with a count hook (the deterministic cost, the instruction watchdog, the
    /// profiler). False runs the VM without any hook: Lua 5.4 sends every instruction through its
    /// hook check while a count hook is set (measured: about 2x slower on VM-bound code, which BAR's
    /// Lua 5.1 does not pay), so only an uninstrumented VM measures real time faithfully. Instructions
    /// then read 0; the wall-clock watchdog still stops an endless loop in the main thread by setting
    /// the hook from a timer thread once a call-in overruns (not inside a coroutine).
    /// </summary>
    public bool CountInstructions { get; init; } = true;

    /// <summary>Watchdog: instructions one call-in may run before it is stopped (0 = none).</summary>
    public long InstructionLimitPerCall { get; init; } = 400_000_000;

    /// <summary>Watchdog backstop in real seconds for one call-in (0 = none). A safety net, not a
    /// measurement.</summary>
    public double WallLimitSecondsPerCall { get; init; } = 20;

    /// <summary>Soft heap cap: past it the next hook tick raises a Lua error in the widget (0 = none).</summary>
    public long MemoryCapBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// Collect garbage as Recoil does: the collector is stopped while Lua runs and stepped only by
    /// <see cref="LuaRuntime.StepCollector"/>, between call-ins (Recoil's <c>CLuaHandle::CollectGarbage</c>
    /// steps it once per update and stops it again). False keeps Lua's own schedule, where a step lands in
    /// whichever code allocates.
    /// </summary>
    public bool CollectBetweenCallIns { get; init; }

    /// <summary>Seed for math.randomseed, so widget randomness replays with the scenario.</summary>
    public ulong RandomSeed { get; init; } = 1;
}
