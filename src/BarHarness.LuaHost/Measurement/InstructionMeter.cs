namespace BarHarness.LuaHost.Measurement;

/// <summary>
/// Counts Lua VM instructions with a count hook (every <see cref="HookInterval"/> instructions the
/// hook adds the interval), and runs the watchdog. The count is deterministic: the same code on the
/// same input executes the same instructions, which is what the CI gate and the virtual timer use.
/// Its resolution is one interval.
/// </summary>
public sealed class InstructionMeter
{
    public InstructionMeter(int hookInterval)
    {
        HookInterval = hookInterval;
    }

    public int HookInterval { get; }

    /// <summary>Instructions executed since the VM started (multiple of the hook interval).</summary>
    public long Instructions { get; private set; }

    /// <summary>The limit for one call-in; the watchdog stops the call-in past it. 0 = none.</summary>
    public long InstructionLimitPerCall { get; set; }

    /// <summary>Real-time backstop for one call-in, in Stopwatch ticks; 0 = none. Only a safety net.</summary>
    public long WallLimitTicks { get; set; }

    /// <summary>Set while a call-in runs; the watchdog only acts inside one.</summary>
    public long CallStartInstructions { get; private set; }

    public long CallStartTicks { get; private set; }

    public bool InCall { get; private set; }

    /// <summary>Why the watchdog stopped the current call-in, or null.</summary>
    public string? Tripped { get; private set; }

    /// <summary>Optional per-tick observer (the sampling profiler); gets the running lua_State*.</summary>
    public Action<IntPtr>? OnTick { get; set; }

    /// <summary>Optional observer of each call-in's start (the profiler rebases its allocation count).</summary>
    public Action? OnCallStart { get; set; }

    /// <summary>
    /// While set, ticks count nothing and reach no observer: the harness's own Lua (the retained-object
    /// census) must not move the widget's clock. Whoever pauses restarts the hook afterwards, so the
    /// count's phase does not depend on how much the paused code ran.
    /// </summary>
    public bool Paused { get; set; }

    /// <summary>Stopwatch ticks spent in <see cref="OnTick"/> so far: instrument time, taken out of CPU time.</summary>
    public long ObserverTicks { get; private set; }

    public void BeginCall(long nowTicks)
    {
        OnCallStart?.Invoke();
        InCall = true;
        Tripped = null;
        CallStartInstructions = Instructions;
        CallStartTicks = nowTicks;
    }

    public void EndCall() => InCall = false;

    /// <summary>Called by the hook; returns the message to raise when the watchdog trips.</summary>
    internal string? Tick(IntPtr luaState)
    {
        if (Paused)
        {
            return null;
        }

        Instructions += HookInterval;
        if (OnTick is { } observer)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            observer(luaState);
            ObserverTicks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
        }

        if (!InCall)
        {
            return null;
        }

        if (Tripped is not null)
        {
            return Tripped;
        }

        if (InstructionLimitPerCall > 0 && Instructions - CallStartInstructions > InstructionLimitPerCall)
        {
            Tripped = "BarHarness watchdog: call-in exceeded "
                + $"{InstructionLimitPerCall:N0} Lua instructions (endless loop?)";
        }
        else if (WallLimitTicks > 0 && System.Diagnostics.Stopwatch.GetTimestamp() - CallStartTicks > WallLimitTicks)
        {
            var seconds = WallLimitTicks / (double)System.Diagnostics.Stopwatch.Frequency;
            Tripped = $"BarHarness watchdog: call-in ran longer than {seconds:0.#} s of real time (endless loop?)";
        }

        return Tripped;
    }
}
