namespace BarHarness.LuaHost.Measurement;

/// <summary>
/// What the harness's own instruments add to a call-in's CPU time, measured once per process on the VM
/// in use, so that the CPU time a budget judges is the widget's and not the harness's.
/// <list type="bullet">
/// <item>The instruction count hook: Lua 5.4 sends every instruction through its hook check while a
/// count hook is set, and every 1,000 instructions the hook calls into the harness; both scale with the
/// instructions executed. Measured as the CPU time of one fixed arithmetic loop with the hook set,
/// minus the same loop without it, per instruction counted.</item>
/// <item>The allocation counter (a managed function chained in front of the VM's allocator): measured
/// as a fixed allocating loop with the counter, minus the same loop with the VM's own allocator, per
/// allocation counted.</item>
/// </list>
/// The sampling profiler's work at each hook firing is not estimated: it is timed where it runs
/// (<see cref="InstructionMeter.ObserverTicks"/>) and taken out as measured.
/// Each side is the fastest of several alternating repetitions (CPU time already leaves out preemption;
/// the minimum also leaves out cache misses after a context switch), and a negative difference counts
/// as 0, so the correction never makes a call-in cheaper than the instruments can explain.
/// </summary>
public sealed class InstrumentationOverhead
{
    private const int Repetitions = 9;
    private const string ArithmeticLoop = "local n = ... local s = 0 for i = 1, n do s = s + i % 7 end return s";
    private const string AllocatingLoop = "local n = ... local t for i = 1, n do t = { i } end return t";
    private static readonly object Gate = new();
    private static InstrumentationOverhead? _measured;

    private InstrumentationOverhead(double nanosPerInstruction, double nanosPerAllocation)
    {
        NanosPerInstruction = nanosPerInstruction;
        NanosPerAllocation = nanosPerAllocation;
    }

    /// <summary>CPU ns the count hook adds per Lua instruction counted.</summary>
    public double NanosPerInstruction { get; }

    /// <summary>CPU ns the allocation counter adds per allocation counted.</summary>
    public double NanosPerAllocation { get; }

    /// <summary>No instruments, nothing to subtract (an uninstrumented VM).</summary>
    public static InstrumentationOverhead None { get; } = new(0, 0);

    /// <summary>The overhead on this process's VM, measured on first use (about 20 ms) in a throwaway VM.</summary>
    public static InstrumentationOverhead Measured
    {
        get
        {
            lock (Gate)
            {
                return _measured ??= Measure();
            }
        }
    }

    /// <summary>The part of a call-in's CPU time the instruments account for, in ns.</summary>
    public long NanosFor(long instructions, long allocations) =>
        (long)((instructions * NanosPerInstruction) + (allocations * NanosPerAllocation));

    private static InstrumentationOverhead Measure()
    {
        using var runtime = new LuaRuntime(new LuaRuntimeOptions { CountInstructions = true });
        var perInstruction = Difference(
            runtime, ArithmeticLoop, 200_000, () => HookOff(runtime), () => HookOn(runtime), countInstructions: true);
        var perAllocation = Difference(
            runtime,
            AllocatingLoop,
            50_000,
            () => runtime.Allocations.Detach(runtime.State),
            () => runtime.Allocations.Reattach(runtime.State),
            countInstructions: false);
        return new InstrumentationOverhead(perInstruction, perAllocation);
    }

    // Fastest instrumented run minus fastest bare run, over the instructions (or allocations) counted.
    private static double Difference(
        LuaRuntime runtime, string code, long n, Action bare, Action restore, bool countInstructions)
    {
        var l = runtime.State;
        runtime.Load(code, "=(barharness calibration)");
        var function = LuaApi.luaL_ref(l, LuaApi.LUA_REGISTRYINDEX);
        long fastestOn = long.MaxValue, fastestOff = long.MaxValue, counted = 0;
        try
        {
            for (var i = 0; i < Repetitions; i++)
            {
                var before = countInstructions ? runtime.Meter.Instructions : runtime.Allocations.Count;
                fastestOn = Math.Min(fastestOn, Run(runtime, function, n));
                counted = (countInstructions ? runtime.Meter.Instructions : runtime.Allocations.Count) - before;
                bare();
                fastestOff = Math.Min(fastestOff, Run(runtime, function, n));
                restore();
            }
        }
        finally
        {
            LuaApi.luaL_unref(l, LuaApi.LUA_REGISTRYINDEX, function);
        }

        return counted <= 0 ? 0 : Math.Max(0, fastestOn - fastestOff) / (double)counted;
    }

    private static long Run(LuaRuntime runtime, int function, long n)
    {
        var l = runtime.State;
        LuaApi.lua_rawgeti(l, LuaApi.LUA_REGISTRYINDEX, function);
        LuaApi.lua_pushinteger(l, n);
        LuaApi.lua_gc(l, LuaApi.LUA_GCCOLLECT, 0);
        // Inside a call, as a call-in runs: the hook then also runs the watchdog's and the memory cap's checks.
        runtime.Meter.BeginCall(System.Diagnostics.Stopwatch.GetTimestamp());
        var start = ThreadCpuClock.NowNanos();
        runtime.CallProtected(1, 0);
        var spent = ThreadCpuClock.NowNanos() - start;
        runtime.Meter.EndCall();
        return spent;
    }

    private static void HookOff(LuaRuntime runtime) => LuaApi.lua_sethook(runtime.State, IntPtr.Zero, 0, 0);

    private static void HookOn(LuaRuntime runtime)
    {
        var l = runtime.State;
        runtime.PushInternal();
        LuaApi.GetField(l, -1, "resethook");
        LuaApi.lua_pcallk(l, 0, 0, 0, IntPtr.Zero, IntPtr.Zero);
        LuaApi.Pop(l, 1);
    }
}
