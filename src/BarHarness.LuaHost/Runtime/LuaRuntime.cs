using System.Reflection;
using BarHarness.LuaHost.Measurement;

namespace BarHarness.LuaHost.Runtime;

/// <summary>
/// One Lua VM set up the way a BAR widget meets Lua: real Lua 5.1 where its library is present, else
/// NLua over KeraLua's Lua 5.4 with the 5.1 profile (see <see cref="LuaVm"/>); the shared <c>System</c> table every
/// widget environment falls back to, the instruction hook
/// (counter and watchdog), the allocation counter and the console. Engine and network rooms install
/// their functions into <c>System</c> as raw C functions with <see cref="RegisterFunction"/>.
/// </summary>
public sealed unsafe partial class LuaRuntime : IDisposable
{
    private const string ArmKey = "barharness.arm";
    private readonly NLua.Lua? _lua;
    private readonly List<GCHandle> _handles = new();
    private readonly int _internalRef;
    private readonly int _systemRef;
    private bool _disposed;
    private long _heapAfterCollectorStep;
    private InstrumentationOverhead? _instrumentation;

    /// <summary>Engine API calls made so far; natives add one per call.</summary>
    public long EngineCalls;

    /// <summary>Set when the memory cap stopped widget code; the host collects garbage after the call-in.</summary>
    public bool MemoryCapHit { get; set; }

    public LuaRuntime(LuaRuntimeOptions? options = null)
    {
        Options = options ?? new LuaRuntimeOptions();
        Vm = LuaVm.Active;
        if (LuaApi.IsLua51)
        {
            State = Lua51Native.luaL_newstate();
            if (State == IntPtr.Zero)
            {
                throw new InvalidOperationException("Lua 5.1 could not create a state (out of memory)");
            }

            Lua51Native.luaL_openlibs(State);
            LuaApi.SaveDebugTraceback(State);
        }
        else
        {
            _lua = new NLua.Lua();
            State = _lua.State.Handle;
        }

        Allocations = new AllocationCounter(State) { CapBytes = Options.MemoryCapBytes * 4 };
        Meter = new InstructionMeter(Options.CountInstructions ? Options.HookInterval : 0)
        {
            InstructionLimitPerCall = Options.InstructionLimitPerCall,
            WallLimitTicks = (long)(Options.WallLimitSecondsPerCall * Stopwatch.Frequency),
        };
        CallInCpu = new CallInCpuClock(Meter, Allocations, () => Instrumentation);

        LuaApi.lua_createtable(State, 0, 16);
        _internalRef = LuaApi.luaL_ref(State, LuaApi.LUA_REGISTRYINDEX);
        SetInternal("interval", Options.CountInstructions ? (long)Options.HookInterval : 0L);
        SetInternal("seed", (long)(Options.RandomSeed & 0x7FFFFFFF));
        RegisterInternal("tick", &Tick, this);
        RegisterInternal("print", &Print, this);
        if (LuaApi.IsLua51)
        {
            Lua51Glue.Install(this);
        }

        if (!Options.CountInstructions)
        {
            // The debug library's C hook (the one that calls the Lua hook function), for the watchdog
            // timer to switch on later; Hooks.lua then registers the Lua hook with no count (hook off).
            RunGlue("debug.sethook(function() end, '', 1000)", "=(barharness hooks)");
            _debugLibraryHook = LuaApi.lua_gethook(State);
        }

        RunGlue(EmbeddedLua("Hooks.lua"), "=(barharness hooks)");
        if (!Options.CountInstructions && Meter.WallLimitTicks > 0)
        {
            _watchdog = new Timer(_ => ArmWatchdogWhenOverrun(), null, WatchdogPeriodMs, WatchdogPeriodMs);
        }
        if (Options.Lua51Profile && !LuaApi.IsLua51)
        {
            Profile.Lua51Format.Install(this);
            RunGlue(EmbeddedLua("Lua51Profile.lua"), "=(barharness lua51)");
        }

        RunGlue(EmbeddedLua("System.lua"), "=(barharness system)");
        PushInternal();
        LuaApi.GetField(State, -1, "System");
        _systemRef = LuaApi.luaL_ref(State, LuaApi.LUA_REGISTRYINDEX);
        LuaApi.GetField(State, -1, "arm");
        LuaApi.SetField(State, LuaApi.LUA_REGISTRYINDEX, ArmKey);
        LuaApi.Pop(State, 1);
        if (Options.CollectBetweenCallIns)
        {
            StopCollector();
        }
    }

    public LuaRuntimeOptions Options { get; }

    /// <summary>The VM this runtime runs on (one per process, see <see cref="LuaVm"/>).</summary>
    public LuaVmKind Vm { get; }

    /// <summary>The raw lua_State*.</summary>
    public IntPtr State { get; }

    /// <summary>NLua's view of the same VM, for convenience outside hot paths (Lua 5.4 VM only).</summary>
    public NLua.Lua Lua => _lua ?? throw new InvalidOperationException("NLua is only there on the Lua 5.4 VM");

    public AllocationCounter Allocations { get; }

    public InstructionMeter Meter { get; }

    /// <summary>
    /// What the instruction hook and the allocation counter add to a call-in's CPU time on this VM
    /// (measured once per process; without the hook, instructions read 0 and only the allocation
    /// counter's share applies). The widget host subtracts it, so the CPU time a budget judges is the
    /// widget's own.
    /// </summary>
    public InstrumentationOverhead Instrumentation => _instrumentation ??= InstrumentationOverhead.Measured;

    /// <summary>The widget's CPU time over its call-ins (what <c>timer: cpu</c> gives Spring.GetTimer).</summary>
    public CallInCpuClock CallInCpu { get; }

    public ConsoleLog Console { get; } = new();

    /// <summary>Lua heap in bytes as Lua counts it.</summary>
    public long HeapBytes =>
        (LuaApi.lua_gc(State, LuaApi.LUA_GCCOUNT, 0) * 1024L) + LuaApi.lua_gc(State, LuaApi.LUA_GCCOUNTB, 0);

    /// <summary>Runs a full collection and returns the heap left, in bytes.</summary>
    public long CollectAndMeasureHeap()
    {
        LuaApi.lua_gc(State, LuaApi.LUA_GCCOLLECT, 0);
        if (Options.CollectBetweenCallIns)
        {
            StopCollector(); // Lua 5.1's full collection restarts the collector
        }

        return HeapBytes;
    }

    /// <summary>
    /// With <see cref="LuaRuntimeOptions.CollectBetweenCallIns"/>: steps the collector by as many kilobytes
    /// as the heap grew since the last step (Lua's own pace: a step of n KB does the work n KB of
    /// allocation would have paid for), then stops it again, as Recoil does after its collection pass.
    /// Deterministic given the heap's growth. Returns the thread CPU ns the step took.
    /// </summary>
    public long StepCollector()
    {
        var start = ThreadCpuClock.NowNanos();
        var grownKb = (HeapBytes - _heapAfterCollectorStep) / 1024;
        if (grownKb > 0)
        {
            LuaApi.lua_gc(State, LuaApi.LUA_GCSTEP, (int)Math.Min(grownKb, int.MaxValue));
        }

        StopCollector();
        return ThreadCpuClock.NowNanos() - start;
    }

    // Stopped, the collector runs only when told (a step, a full collection) or, on Lua 5.4, in an
    // emergency when an allocation fails. The heap now is where the next step's debt starts.
    private void StopCollector()
    {
        LuaApi.lua_gc(State, LuaApi.LUA_GCSTOP, 0);
        _heapAfterCollectorStep = HeapBytes;
    }

    /// <summary>
    /// Installs a native at a dotted path inside the System table (e.g. "Spring.GetUnitPosition"),
    /// creating intermediate tables. Upvalue 1 carries <paramref name="context"/>, read back with
    /// <see cref="ContextOf{T}"/>. The native is a plain static method called through one guarded C
    /// entry point (see <see cref="Guarded"/>), so an exception inside it becomes a Lua error.
    /// </summary>
    public void RegisterFunction(string path, delegate*<IntPtr, int> function, object context)
    {
        var (table, name) = NavigateSystem(path);
        _ = table;
        PushClosure(function, context, path, NativeTimeKind.Engine);
        LuaApi.SetField(State, -2, name);
        LuaApi.Pop(State, 1);
    }

    /// <summary>Installs a plain value (null, bool, integer, double, string, dictionary or list) at a dotted path in
    /// System.</summary>
    public void SetValue(string path, object? value)
    {
        var (_, name) = NavigateSystem(path);
        PushValue(value);
        LuaApi.SetField(State, -2, name);
        LuaApi.Pop(State, 1);
    }

    /// <summary>Reads a value at a dotted path in System (primitives and tables as dictionaries).</summary>
    public object? GetValue(string path)
    {
        var parts = path.Split('.');
        LuaApi.lua_rawgeti(State, LuaApi.LUA_REGISTRYINDEX, _systemRef);
        foreach (var part in parts)
        {
            if (LuaApi.lua_type(State, -1) != LuaApi.LUA_TTABLE)
            {
                LuaApi.Pop(State, 1);
                return null;
            }

            LuaApi.GetField(State, -1, part);
            LuaApi.lua_rotate(State, -2, 1);
            LuaApi.Pop(State, 1);
        }

        var value = ToObject(-1, 4);
        LuaApi.Pop(State, 1);
        return value;
    }

    /// <summary>
    /// Runs a chunk of harness glue in the real globals. The chunk receives the internal table as
    /// <c>...</c> (its field <c>System</c> is the widgets' System table once set up).
    /// </summary>
    public void RunGlue(string code, string chunkName)
    {
        Load(code, chunkName);
        if (LuaApi.IsLua51)
        {
            LuaApi.GetField(State, LuaApi.LUA_REGISTRYINDEX, Lua51Glue.EnvironmentKey);
            Lua51Native.lua_setfenv(State, -2);
        }

        PushInternal();
        CallProtected(1, 0);
    }

    /// <summary>Runs a script with the given environment table ref (or globals), returning its results.</summary>
    public object?[] DoString(string code, string chunkName)
    {
        var top = LuaApi.lua_gettop(State);
        Load(code, chunkName);
        CallProtected(0, LuaApi.LUA_MULTRET);
        var results = new object?[LuaApi.lua_gettop(State) - top];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = ToObject(top + 1 + i, 4);
        }

        LuaApi.lua_settop(State, top);
        return results;
    }

    /// <summary>Loads a chunk onto the stack (text only: BAR refuses bytecode); throws with the syntax error.</summary>
    public void Load(string code, string chunkName)
    {
        var bytes = Encoding.UTF8.GetBytes(code);
        var name = Encoding.UTF8.GetBytes(chunkName + "\0");
        var mode = "t\0"u8;
        int status;
        fixed (byte* b = bytes)
        fixed (byte* n = name)
        fixed (byte* m = mode)
        {
            status = LuaApi.luaL_loadbufferx(State, b, (nuint)bytes.Length, n, m);
        }

        if (status != LuaApi.LUA_OK)
        {
            var message = LuaApi.ToStringValue(State, -1) ?? "syntax error";
            LuaApi.Pop(State, 1);
            throw new LuaScriptException(message);
        }
    }

    /// <summary>Calls the function below <paramref name="nargs"/> arguments with a traceback handler; throws on
    /// error.</summary>
    public void CallProtected(int nargs, int nresults)
    {
        var funcIndex = LuaApi.lua_gettop(State) - nargs;
        PushInternal();
        LuaApi.GetField(State, -1, "traceback");
        LuaApi.lua_rotate(State, -2, -1);
        LuaApi.Pop(State, 1);
        LuaApi.lua_rotate(State, funcIndex, 1);
        var status = LuaApi.lua_pcallk(State, nargs, nresults, funcIndex, IntPtr.Zero, IntPtr.Zero);
        if (status != LuaApi.LUA_OK)
        {
            var message = LuaApi.ToStringValue(State, -1) ?? "(error object is not a string)";
            LuaApi.lua_settop(State, funcIndex - 1);
            var split = message.IndexOf("\nstack traceback:", StringComparison.Ordinal);
            throw split < 0
                ? new LuaScriptException(message)
                : new LuaScriptException(message[..split], message[(split + 1)..]);
        }

        LuaApi.lua_rotate(State, funcIndex, -1);
        LuaApi.Pop(State, 1);
    }

    /// <summary>Pushes the internal table (harness-only functions and state, never visible to widgets).</summary>
    public void PushInternal() => LuaApi.lua_rawgeti(State, LuaApi.LUA_REGISTRYINDEX, _internalRef);

    /// <summary>Pushes the System table widgets fall back to.</summary>
    public void PushSystem() => LuaApi.lua_rawgeti(State, LuaApi.LUA_REGISTRYINDEX, _systemRef);

    public void SetInternal(string name, object? value)
    {
        PushInternal();
        PushValue(value);
        LuaApi.SetField(State, -2, name);
        LuaApi.Pop(State, 1);
    }

    /// <param name="timing">The clock the native's time is charged to; harness glue is untimed.</param>
    public void RegisterInternal(
        string name, delegate*<IntPtr, int> function, object context, NativeTimeKind timing = NativeTimeKind.Untimed)
    {
        PushInternal();
        PushClosure(function, context, name, timing);
        LuaApi.SetField(State, -2, name);
        LuaApi.Pop(State, 1);
    }

    /// <summary>The context object given at registration, from inside a native.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ContextOf<T>(IntPtr l)
        where T : class
    {
        var handle = LuaApi.lua_touserdata(l, LuaApi.UpvalueIndex(1));
        return Unsafe.As<T>(GCHandle.FromIntPtr(handle).Target!);
    }

    /// <summary>
    /// Raises a Lua error from inside a native without a longjmp through managed code: it arms a
    /// return hook that raises <paramref name="message"/> when the native returns, while its frame is
    /// still on the Lua stack, so a pcall around the call (or around a Lua function that tail-called it)
    /// catches it as in BAR. Return its result from the native (0 values). Like luaL_argerror in a C
    /// function, the message is prefixed with the Lua caller's position (luaL_where level 1), and the
    /// traceback names the native.
    /// </summary>
    public static int RaiseError(IntPtr l, string message, string functionName = "?")
    {
        LuaStackInspector.TryGetFrame(l, 1, out _, out _, out var callerLine);
        var where = LuaStackInspector.Where(l, 1);
        LuaApi.GetField(l, LuaApi.LUA_REGISTRYINDEX, ArmKey);
        LuaApi.PushString(l, where + message);
        LuaApi.lua_pushinteger(l, callerLine);
        LuaApi.PushString(l, functionName);
        if (LuaApi.lua_pcallk(l, 3, 0, 0, IntPtr.Zero, IntPtr.Zero) != LuaApi.LUA_OK)
        {
            LuaApi.Pop(l, 1);
        }

        return 0;
    }

    private const int WatchdogPeriodMs = 100;
    private readonly IntPtr _debugLibraryHook;
    private readonly Timer? _watchdog;

    // Runs on a timer thread (uninstrumented VMs only): once a call-in has run past the wall limit,
    // switch the count hook on so that the next instruction reaches Tick, which trips the watchdog.
    private void ArmWatchdogWhenOverrun()
    {
        if (!_disposed && Meter.InCall && Meter.WallLimitTicks > 0
            && Stopwatch.GetTimestamp() - Meter.CallStartTicks > Meter.WallLimitTicks)
        {
            LuaApi.lua_sethook(State, _debugLibraryHook, LuaApi.LUA_MASKCOUNT, 1);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (_watchdog is not null)
        {
            using var stopped = new ManualResetEvent(false);
            _watchdog.Dispose(stopped);
            stopped.WaitOne();
        }

        _disposed = true;
        if (_lua is null)
        {
            Lua51Native.lua_close(State);
        }
        else
        {
            _lua.Dispose();
        }

        Allocations.Dispose();
        foreach (var h in _handles)
        {
            h.Free();
        }
    }

    /// <summary>The text of one of the harness's embedded Lua files.</summary>
    public static string EmbeddedLua(string fileName)
    {
        var assembly = typeof(LuaRuntime).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n =>
            n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // Upvalues: 1 the context (a GCHandle), 2 the managed function, 3 its name for error messages.
    private void PushClosure(delegate*<IntPtr, int> function, object context, string name, NativeTimeKind timing)
    {
        var handle = GCHandle.Alloc(context);
        _handles.Add(handle);
        LuaApi.lua_pushlightuserdata(State, GCHandle.ToIntPtr(handle));
        LuaApi.lua_pushlightuserdata(State, (IntPtr)function);
        LuaApi.PushString(State, name);
        delegate* unmanaged[Cdecl]<IntPtr, int> entry = &Guarded;
        if (timing == NativeTimeKind.Engine)
        {
            entry = &GuardedEngine;
        }
        else if (timing == NativeTimeKind.Socket)
        {
            entry = &GuardedSocket;
        }

        LuaApi.lua_pushcclosure(State, entry, 3);
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int GuardedEngine(IntPtr l) => Timed(l, NativeTimeKind.Engine);

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int GuardedSocket(IntPtr l) => Timed(l, NativeTimeKind.Socket);

    private static int Timed(IntPtr l, NativeTimeKind kind)
    {
        var start = Stopwatch.GetTimestamp();
        var results = Call(l);
        NativeTime.Charge(kind, Stopwatch.GetTimestamp() - start);
        return results;
    }

    /// <summary>
    /// The one C entry point of every native: calls the managed function from upvalue 2. A .NET
    /// exception must never unwind into Lua's C frames (the process would end), so one escaping a
    /// native becomes a Lua error in the calling widget, reported like any engine error.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int Guarded(IntPtr l) => Call(l);

    private static int Call(IntPtr l)
    {
        var function = (delegate*<IntPtr, int>)LuaApi.lua_touserdata(l, LuaApi.UpvalueIndex(2));
        try
        {
            return function(l);
        }
        catch (Exception e)
        {
            var name = LuaApi.ToStringValue(l, LuaApi.UpvalueIndex(3)) ?? "?";
            return RaiseError(l,
                $"BarHarness internal error in {name}: {e.GetType().Name}: {e.Message} (please report it)", name);
        }
    }

    /// <summary>Leaves the parent table of the last path segment on the stack.</summary>
    private (int TableIndex, string Name) NavigateSystem(string path)
    {
        var parts = path.Split('.');
        PushSystem();
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (LuaApi.GetField(State, -1, parts[i]) != LuaApi.LUA_TTABLE)
            {
                LuaApi.Pop(State, 1);
                LuaApi.lua_createtable(State, 0, 8);
                LuaApi.lua_pushvalue(State, -1);
                LuaApi.SetField(State, -3, parts[i]);
            }

            LuaApi.lua_rotate(State, -2, 1);
            LuaApi.Pop(State, 1);
        }

        return (LuaApi.lua_gettop(State), parts[^1]);
    }

    private static int Print(IntPtr l)
    {
        var runtime = ContextOf<LuaRuntime>(l);
        runtime.Console.Write("print", LuaApi.ToStringValue(l, 1) ?? string.Empty);
        return 0;
    }

    private static int Tick(IntPtr l)
    {
        var runtime = ContextOf<LuaRuntime>(l);
        if (!runtime.Options.CountInstructions && !runtime.Meter.InCall)
        {
            LuaApi.lua_sethook(l, IntPtr.Zero, 0, 0); // the watchdog armed just as the call-in ended
            return 0;
        }

        var stop = runtime.Meter.Tick(l);
        var memory = false;
        if (stop is null && runtime.Meter.InCall && runtime.Options.MemoryCapBytes > 0
            && runtime.Allocations.CurrentBytes > runtime.Options.MemoryCapBytes)
        {
            var capMiB = runtime.Options.MemoryCapBytes / (1024 * 1024);
            stop = $"BarHarness memory cap: the Lua heap passed {capMiB} MiB (allocation without bound?)";
            memory = true;
        }

        // The harness's own handler code (removing the widget after its error) is never stopped: only
        // widget code is. Level 2 is the interrupted function (0 = this native, 1 = the Lua hook).
        if (stop is null || LuaStackInspector.IsHarnessCode(l, 2))
        {
            return 0;
        }

        if (memory)
        {
            runtime.MemoryCapHit = true;
        }

        LuaApi.PushString(l, stop);
        LuaApi.lua_pushboolean(l, memory ? 0 : 1);
        return 2;
    }
}
