using BarHarness.LuaHost.Measurement;

namespace BarHarness.LuaHost.Widgets;

/// <summary>
/// BAR's widget handler for one VM: loads widget files as barwidgets.lua does and forwards call-ins,
/// measuring each one (real time, Lua instructions, engine calls, allocations). Errors are recorded
/// with their Lua traceback and remove the widget, as in BAR.
/// </summary>
public sealed unsafe class WidgetHost
{
    private readonly LuaRuntime _runtime;
    private readonly List<WidgetEvent> _events = new();

    public WidgetHost(LuaRuntime runtime)
    {
        _runtime = runtime;
        runtime.RegisterInternal("event", &OnEvent, this);
        runtime.SetInternal("handlerProxySource", LuaRuntime.EmbeddedLua("HandlerProxy.lua"));
        runtime.SetInternal("specialCallInsSource", LuaRuntime.EmbeddedLua("SpecialCallIns.lua"));
        runtime.RunGlue(LuaRuntime.EmbeddedLua("WidgetHandler.lua"), "=(barharness widgethandler)");
        runtime.SetInternal("lua51", LuaApi.IsLua51);
        runtime.RunGlue(LuaRuntime.EmbeddedLua("RetainedCensus.lua"), "=(barharness census)");
    }

    public LuaRuntime Runtime => _runtime;

    /// <summary>Errors, removals and unsupported uses, in order.</summary>
    public IReadOnlyList<WidgetEvent> Events => _events;

    public IEnumerable<WidgetEvent> Errors => _events.Where(e => e.Kind == WidgetEventKind.Error);

    /// <summary>Frame stamped on events (set by the simulation).</summary>
    public long CurrentFrame { get; set; }

    /// <summary>Names of the widgets loaded now, in call order.</summary>
    public IReadOnlyList<string> LoadedWidgets => CallHandler<List<string>>("loadedNames");

    public IReadOnlyList<string> Actions => CallHandler<List<string>>("actionNames");

    /// <summary>
    /// Loads a widget file. <paramref name="chunkName"/> is what BAR's error messages show
    /// (default <c>LuaUI/Widgets/&lt;file name&gt;</c>); <paramref name="config"/>, when given, replaces the
    /// saved config handed to SetConfigData.
    /// </summary>
    public WidgetLoadResult Load(string path, string? chunkName = null, object? config = null)
    {
        string code;
        try
        {
            code = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new WidgetLoadResult(WidgetLoadStatus.Failed, path, null, "read", e.Message, null,
                Array.Empty<Lua51SyntaxIssue>());
        }

        return LoadCode(code, chunkName ?? "LuaUI/Widgets/" + Path.GetFileName(path), config, path);
    }

    public WidgetLoadResult LoadCode(string code, string chunkName, object? config = null, string? pathOnDisk = null)
    {
        var issues = Lua51SyntaxChecker.Check(chunkName, code, pathOnDisk);
        if (_runtime.Options.Lua51Profile && issues.Any(i => i.IsError))
        {
            // A plain syntax error (one 5.4 refuses too) is reported with Lua's own message; only code
            // that 5.4 accepts and 5.1 does not is "not loadable in BAR".
            try
            {
                _runtime.Load(code, chunkName);
                LuaApi.Pop(_runtime.State, 1);
            }
            catch (LuaScriptException e)
            {
                return new WidgetLoadResult(WidgetLoadStatus.Failed, chunkName, null, "syntax", e.Message, null,
                    issues);
            }

            return new WidgetLoadResult(WidgetLoadStatus.NotLoadableInBar, chunkName, null, "syntax",
                issues.First(i => i.IsError).Message, null, issues);
        }

        var l = _runtime.State;
        var top = PushHandlerFunction("load");
        LuaApi.PushString(l, code);
        LuaApi.PushString(l, chunkName);
        _runtime.PushValue(config);
        BeginCall();
        var status = LuaApi.lua_pcallk(l, 3, 3, 0, IntPtr.Zero, IntPtr.Zero);
        EndCall();
        try
        {
            if (status != LuaApi.LUA_OK)
            {
                return new WidgetLoadResult(WidgetLoadStatus.Failed, chunkName, null, "handler",
                    LuaApi.ToStringValue(l, -1), null, issues);
            }

            var kind = LuaApi.ToStringValue(l, -3);
            var detail = LuaApi.ToStringValue(l, -2);
            var stage = LuaApi.ToStringValue(l, -1);
            var (message, traceback) = SplitTraceback(detail);
            return kind switch
            {
                "loaded" => new WidgetLoadResult(WidgetLoadStatus.Loaded, chunkName, detail, null, null, null, issues),
                "dropped" => new WidgetLoadResult(WidgetLoadStatus.Dropped, chunkName, null, null, null, null, issues),
                "removed" => new WidgetLoadResult(WidgetLoadStatus.RemovedDuringInitialize, chunkName, detail,
                    "Initialize", null, null, issues),
                _ => new WidgetLoadResult(WidgetLoadStatus.Failed, chunkName, null, stage, message, traceback, issues),
            };
        }
        finally
        {
            LuaApi.lua_settop(l, top);
        }
    }

    /// <summary>Calls a call-in on every loaded widget that defines it (BAR's argument lists are the caller's
    /// job).</summary>
    public CallInSample CallIn(string name, params object?[] args)
    {
        var l = _runtime.State;
        var top = PushHandlerFunction("callin");
        LuaApi.PushString(l, name);
        foreach (var a in args)
        {
            _runtime.PushValue(a);
        }

        var start = Snapshot();
        var status = LuaApi.lua_pcallk(l, args.Length + 1, 1, 0, IntPtr.Zero, IntPtr.Zero);
        var sample = Measure(start);
        var called = 0;
        if (status == LuaApi.LUA_OK)
        {
            called = (int)(LuaApi.ToNumber(l, -1, out _));
        }
        else
        {
            // An error outside the widget's own protected call: an armed native error that fired in the
            // handler after the call-in returned, or the watchdog. Either way it belongs to the widget.
            var message = LuaApi.ToStringValue(l, -1) ?? "error";
            LuaApi.lua_settop(l, top);
            var widgets = LoadedWidgets;
            Record(new WidgetEvent(WidgetEventKind.Error, string.Join(",", widgets), name, message, null,
                CurrentFrame));
            foreach (var widget in widgets)
            {
                Unload(widget, "error");
            }
        }

        LuaApi.lua_settop(l, top);
        return sample with { WidgetsCalled = called };
    }

    /// <summary>Runs a script in a widget-like environment (System behind it); returns the error with its traceback, or
    /// null.</summary>
    public string? RunScript(string code, string chunkName)
    {
        var l = _runtime.State;
        var top = PushHandlerFunction("exec");
        LuaApi.PushString(l, code);
        LuaApi.PushString(l, chunkName);
        BeginCall();
        var status = LuaApi.lua_pcallk(l, 2, 2, 0, IntPtr.Zero, IntPtr.Zero);
        EndCall();
        string? error = status != LuaApi.LUA_OK ? LuaApi.ToStringValue(l, -1)
            : LuaApi.lua_toboolean(l, -2) != 0 ? null
            : LuaApi.ToStringValue(l, -1) ?? "error";
        LuaApi.lua_settop(l, top);
        return error;
    }

    /// <summary>A console command as the user types it (<c>/livedata status</c>): actions first, then
    /// TextCommand.</summary>
    public CallInSample TextCommand(string line) => CallHandler("textCommand", line);

    /// <summary>Removes a widget as BAR's RemoveWidget does (config collected, Shutdown called).</summary>
    public CallInSample Unload(string widgetName, string reason = "unload") =>
        CallHandler("remove", widgetName, reason);

    /// <summary>Handler shutdown: config collected, Shutdown called, for every widget.</summary>
    public CallInSample ShutdownAll() => CallHandler("shutdownAll");

    /// <summary>
    /// What the loaded widgets keep alive now, per root (widget field, upvalue of a widget function, WG
    /// entry), each object counted once; see RetainedCensus.lua. Run between call-ins: it executes Lua.
    /// </summary>
    public IReadOnlyList<RetainedRoot> RetainedCensus()
    {
        var l = _runtime.State;
        var top = PushHandlerFunction("retainedCensusText");
        _runtime.Meter.Paused = true; // how long the census runs depends on table order: keep it off the clock
        var status = LuaApi.lua_pcallk(l, 0, 1, 0, IntPtr.Zero, IntPtr.Zero);
        var text = LuaApi.ToStringValue(l, -1) ?? string.Empty;
        LuaApi.lua_settop(l, top);
        _runtime.Meter.Paused = false;
        ResetHook();
        if (status != LuaApi.LUA_OK)
        {
            throw new InvalidOperationException("the retained-object census failed: " + text);
        }

        return RetainedRoot.ParseAll(text);
    }

    /// <summary>The config last collected from a widget (as BAR would have saved it), as plain values.</summary>
    public object? SavedConfig(string widgetName)
    {
        var l = _runtime.State;
        var top = PushHandlerFunction("savedConfig");
        LuaApi.PushString(l, widgetName);
        LuaApi.lua_pcallk(l, 1, 1, 0, IntPtr.Zero, IntPtr.Zero);
        var value = _runtime.ToObject(-1, 16);
        LuaApi.lua_settop(l, top);
        return value;
    }

    private CallInSample CallHandler(string function, params object?[] args)
    {
        var l = _runtime.State;
        var top = PushHandlerFunction(function);
        foreach (var a in args)
        {
            _runtime.PushValue(a);
        }

        var start = Snapshot();
        var status = LuaApi.lua_pcallk(l, args.Length, 0, 0, IntPtr.Zero, IntPtr.Zero);
        var sample = Measure(start);
        if (status != LuaApi.LUA_OK)
        {
            Record(new WidgetEvent(WidgetEventKind.Error, "?", function, LuaApi.ToStringValue(l, -1) ?? "error", null,
                CurrentFrame));
        }

        LuaApi.lua_settop(l, top);
        return sample;
    }

    private T CallHandler<T>(string function)
        where T : class
    {
        var l = _runtime.State;
        var top = LuaApi.lua_gettop(l);
        _runtime.PushInternal();
        LuaApi.GetField(l, -1, function);
        LuaApi.lua_pcallk(l, 0, 1, 0, IntPtr.Zero, IntPtr.Zero);
        var value = _runtime.ToObject(-1, 2) as Dictionary<object, object?>;
        LuaApi.lua_settop(l, top);
        var list = value is null
            ? new List<string>()
            : value.OrderBy(kv => Convert.ToInt64(kv.Key, System.Globalization.CultureInfo.InvariantCulture))
                .Select(kv => kv.Value?.ToString() ?? string.Empty).ToList();
        return (T)(object)list;
    }

    private CallStart Snapshot()
    {
        var start = new CallStart(
            Stopwatch.GetTimestamp(),
            _runtime.Meter.Instructions,
            _runtime.EngineCalls,
            _runtime.Allocations.Count,
            _runtime.Allocations.Bytes,
            NativeTime.EngineTicks,
            NativeTime.SocketTicks,
            _runtime.Meter.ObserverTicks,
            System.Runtime.JitInfo.GetCompilationTime(currentThread: true).Ticks,
            ThreadCpuClock.NowNanos());
        _runtime.Meter.BeginCall(start.Ticks);
        _runtime.CallInCpu.Begin(start.CpuNanos);
        return start;
    }

    private CallInSample Measure(in CallStart start)
    {
        var cpu = ThreadCpuClock.NowNanos() - start.CpuNanos;
        var end = Stopwatch.GetTimestamp();
        var tripped = _runtime.Meter.Tripped is not null;
        _runtime.Meter.EndCall();
        if (tripped)
        {
            ResetHook();
        }

        if (_runtime.MemoryCapHit)
        {
            // The widget was stopped for its heap; collect now so the next call-in is not blamed for it.
            _runtime.MemoryCapHit = false;
            _runtime.CollectAndMeasureHeap();
        }

        var instructions = _runtime.Meter.Instructions - start.Instructions;
        var allocations = _runtime.Allocations.Count - start.AllocCount;
        var observerNanos = (long)((_runtime.Meter.ObserverTicks - start.ObserverTicks) * (1e9 / Stopwatch.Frequency));
        // The harness's managed natives compiled on first use (.NET's JIT, on this thread): harness time.
        // So is one reading of the CPU clock (the window runs from inside the first reading to inside
        // the second), and one for each Spring.GetTimer reading of a timer: cpu run (CallInCpuClock).
        var jitNanos = (System.Runtime.JitInfo.GetCompilationTime(currentThread: true).Ticks - start.JitTicks) * 100;
        var sample = new CallInSample(
            0,
            end - start.Ticks,
            instructions,
            _runtime.EngineCalls - start.EngineCalls,
            allocations,
            _runtime.Allocations.Bytes - start.AllocBytes,
            tripped,
            cpu,
            Math.Min(
                cpu,
                _runtime.Instrumentation.NanosFor(instructions, allocations) + observerNanos + jitNanos
                    + ((1 + _runtime.CallInCpu.ReadsInCall) * ThreadCpuClock.ReadCostNanos)),
            NativeTime.EngineTicks - start.EngineTicks,
            NativeTime.SocketTicks - start.SocketTicks);
        _runtime.CallInCpu.End(sample.CpuNanos - sample.InstrumentationNanos);
        return sample;
    }

    private void BeginCall()
    {
        _runtime.Meter.BeginCall(Stopwatch.GetTimestamp());
        _runtime.CallInCpu.Begin(ThreadCpuClock.NowNanos());
    }

    private void EndCall()
    {
        _runtime.CallInCpu.End();
        var tripped = _runtime.Meter.Tripped is not null;
        _runtime.Meter.EndCall();
        if (tripped)
        {
            ResetHook();
        }
    }

    private void ResetHook()
    {
        var l = _runtime.State;
        _runtime.PushInternal();
        LuaApi.GetField(l, -1, "resethook");
        LuaApi.lua_pcallk(l, 0, 0, 0, IntPtr.Zero, IntPtr.Zero);
        LuaApi.Pop(l, 1);
    }

    private void Record(WidgetEvent e) => _events.Add(e);

    private static (string? Message, string? Traceback) SplitTraceback(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        var split = text.IndexOf("\nstack traceback:", StringComparison.Ordinal);
        return split < 0 ? (text, null) : (text[..split], text[(split + 1)..]);
    }

    private static int OnEvent(IntPtr l)
    {
        var host = LuaRuntime.ContextOf<WidgetHost>(l);
        var kind = LuaApi.ToStringValue(l, 1) switch
        {
            "error" => WidgetEventKind.Error,
            "removed" => WidgetEventKind.Removed,
            _ => WidgetEventKind.Unsupported,
        };
        var (message, traceback) = SplitTraceback(LuaApi.ToStringValue(l, 4));
        host.Record(new WidgetEvent(
            kind,
            LuaApi.ToStringValue(l, 2) ?? "?",
            LuaApi.ToStringValue(l, 3) ?? "?",
            message ?? (kind == WidgetEventKind.Removed ? LuaApi.ToStringValue(l, 3) ?? string.Empty : string.Empty),
            traceback,
            host.CurrentFrame));
        return 0;
    }

    private readonly record struct CallStart(
        long Ticks,
        long Instructions,
        long EngineCalls,
        long AllocCount,
        long AllocBytes,
        long EngineTicks,
        long SocketTicks,
        long ObserverTicks,
        long JitTicks,
        long CpuNanos);

    /// <summary>
    /// Pushes the internal table and its function <paramref name="name"/> (the handler's entry points);
    /// returns the stack top to restore afterwards.
    /// </summary>
    private int PushHandlerFunction(string name)
    {
        var l = _runtime.State;
        var top = LuaApi.lua_gettop(l);
        _runtime.PushInternal();
        LuaApi.GetField(l, -1, name);
        return top;
    }
}
