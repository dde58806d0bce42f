namespace BarHarness.LuaHost.Tests;

public sealed class WidgetHostTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bh-widget-").FullName;
    private readonly LuaRuntime _runtime = new();

    public void Dispose()
    {
        _runtime.Dispose();
        Directory.Delete(_dir, true);
    }

    /// <summary>A widget host on this test's runtime with the Test.* natives installed.</summary>
    private WidgetHost HostWithTestNatives()
    {
        TestNatives.Install(_runtime);
        return new WidgetHost(_runtime);
    }

    private string Write(string name, string code)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, code);
        return path;
    }

    /// <summary>Writes <paramref name="body"/> after the probe's GetInfo to <paramref name="file"/> and loads
    /// it into <paramref name="host"/>.</summary>
    private WidgetLoadResult LoadProbe(WidgetHost host, string file, string body) =>
        host.Load(Write(file, Info + body));

    private const string Info = "function widget:GetInfo() return { name = 'probe', layer = 0, enabled = true } end\n";

    [Fact]
    public void SetConfigData_runs_before_Initialize_and_config_survives_a_reload()
    {
        var host = new WidgetHost(_runtime);
        var path = Write("w.lua", Info + """
            local order = {}
            local count = 0
            function widget:SetConfigData(d) order[#order+1] = 'set'; count = d.count or 0 end
            function widget:Initialize() order[#order+1] = 'init'; Spring_order = table.concat(order, ',') end
            function widget:GetConfigData() return { count = count + 1, fn = function() end } end
            function widget:GameFrame(n) WG.order = table.concat(order, ',') WG.count = count end
            """);

        Assert.True(host.Load(path, config: new Dictionary<string, object?> { ["count"] = 5 }).IsLoaded);
        host.CallIn("GameFrame", 1);
        Assert.Equal("set,init", GetWG(_runtime, "order"));
        host.Unload("probe");
        var saved = Assert.IsType<Dictionary<object, object?>>(host.SavedConfig("probe"));
        Assert.Equal(6L, saved["count"]);
        Assert.False(saved.ContainsKey("fn"));

        Assert.True(host.Load(path).IsLoaded);
        host.CallIn("GameFrame", 2);
        Assert.Equal(6L, GetWG(_runtime, "count"));
    }

    private static object? GetWG(LuaRuntime _runtime, string key)
    {
        _runtime.SetInternal("probeKey", key);
        _runtime.RunGlue("local H = ...; H.probe = H.WG[H.probeKey]", "=t");
        _runtime.PushInternal();
        BarHarness.LuaHost.Interop.LuaApi.GetField(_runtime.State, -1, "probe");
        var v = _runtime.ToObject(-1, 1);
        BarHarness.LuaHost.Interop.LuaApi.Pop(_runtime.State, 2);
        return v;
    }

    [Fact]
    public void A_chunk_returning_false_is_dropped()
    {
        var host = new WidgetHost(_runtime);
        var result = LoadProbe(host, "w.lua", "return false");
        Assert.Equal(WidgetLoadStatus.Dropped, result.Status);
        Assert.Empty(host.LoadedWidgets);
    }

    [Fact]
    public void An_error_in_a_call_in_is_recorded_with_file_and_line_and_removes_the_widget()
    {
        var host = new WidgetHost(_runtime);
        LoadProbe(host, "broken.lua", "function widget:GameFrame(n)\n  local t = nil\n  return t.x\nend\n");
        host.CallIn("GameFrame", 1);
        var error = Assert.Single(host.Errors);
        Assert.Equal("GameFrame", error.CallIn);
        Assert.Equal(new LuaErrorLocation("LuaUI/Widgets/broken.lua", 4), error.Location);
        Assert.Contains("stack traceback", error.Traceback);
        Assert.Empty(host.LoadedWidgets);
        Assert.Equal(0, host.CallIn("GameFrame", 2).WidgetsCalled);
    }

    [Fact]
    public void A_syntax_error_fails_the_load_with_the_line()
    {
        var host = new WidgetHost(_runtime);
        var result = LoadProbe(host, "syntax.lua", "function widget:Update(\n");
        Assert.Equal(WidgetLoadStatus.Failed, result.Status);
        Assert.Equal("LuaUI/Widgets/syntax.lua", result.Location?.File);
    }

    [Fact]
    public void Lua_5_4_only_syntax_is_reported_as_not_loadable_in_BAR()
    {
        var host = new WidgetHost(_runtime);
        var result = LoadProbe(host, "modern.lua", "local a = 7\nlocal b = a // 2\n");
        if (BarHarness.LuaHost.Interop.LuaApi.IsLua51)
        {
            // Real 5.1 refuses the chunk itself, with the message BAR's infolog shows.
            Assert.Equal(WidgetLoadStatus.Failed, result.Status);
            Assert.Equal("[string \"LuaUI/Widgets/modern.lua\"]:3: unexpected symbol near '/'", result.Message);
        }
        else
        {
            Assert.Equal(WidgetLoadStatus.NotLoadableInBar, result.Status);
        }

        Assert.Contains(result.SyntaxIssues, i => i.Line == 3 && i.IsError);
    }

    [Fact]
    public void Action_callback_gets_BAR_argument_list()
    {
        var host = new WidgetHost(_runtime);
        LoadProbe(host, "act.lua", """
            function widget:Initialize()
              widgetHandler:AddAction("livedata", function(cmd, optLine, optWords, data, isRepeat, release, actions)
                Spring = { seen = cmd .. "|" .. optLine .. "|" .. optWords[1] .. "|" .. tostring(data)
                  .. "|" .. tostring(isRepeat) .. "|" .. tostring(release) .. "|" .. type(actions) }
                print(Spring.seen)
              end, "D", "t")
            end
            """);
        host.TextCommand("/livedata status now");
        Assert.Equal("livedata|status now|status|D|false|false|table", _runtime.Console.Lines.Single().Text);
    }

    [Fact]
    public void Action_with_a_nil_callback_loads_as_in_BAR_and_fails_only_when_run()
    {
        var host = new WidgetHost(_runtime);
        var result = LoadProbe(host, "nilact.lua", """
            function widget:Initialize()
              widgetHandler:AddAction("misspelt", MisspeltHandlerName, nil, "t")
              print("initialized")
            end
            """);
        Assert.True(result.IsLoaded, result.Message);
        Assert.Contains(_runtime.Console.Lines, l => l.Text == "initialized");
    }

    [Fact]
    public void Watchdog_stops_an_endless_loop_even_under_pcall_and_the_run_goes_on()
    {
        using var runtime = new LuaRuntime(new LuaRuntimeOptions { InstructionLimitPerCall = 2_000_000 });
        AssertEndlessLoopStopped(runtime, "watchdog");
    }

    [Fact]
    public void Uninstrumented_runtime_counts_nothing_yet_its_wall_clock_watchdog_stops_an_endless_loop()
    {
        using var runtime = new LuaRuntime(
            new LuaRuntimeOptions { CountInstructions = false, WallLimitSecondsPerCall = 0.3 });
        runtime.DoString("local x = 0 for i = 1, 100000 do x = x + i end", "=count");
        Assert.Equal(0, runtime.Meter.Instructions);
        AssertEndlessLoopStopped(runtime, "real time");
        runtime.DoString("local x = 0 for i = 1, 100000 do x = x + i end", "=count");
        Assert.Equal(0, runtime.Meter.Instructions); // the hook is off again after the call-in
    }

    private void AssertEndlessLoopStopped(LuaRuntime runtime, string messagePart)
    {
        var host = new WidgetHost(runtime);
        LoadProbe(host, "loop.lua",
            "function widget:GameFrame(n) while true do pcall(function() while true do end end) end end\n");
        var sample = host.CallIn("GameFrame", 1);
        Assert.True(sample.WatchdogTripped);
        Assert.Contains(host.Errors,
            e => e.Message.Contains(messagePart, StringComparison.Ordinal) && e.CallIn == "GameFrame");
        Assert.Empty(host.LoadedWidgets);
        Assert.Equal("ok", runtime.DoString("return 'ok'", "=t")[0]);
    }

    [Fact]
    public void Memory_cap_stops_a_widget_that_allocates_without_bound()
    {
        using var runtime = new LuaRuntime(new LuaRuntimeOptions { MemoryCapBytes = 32L * 1024 * 1024 });
        var host = new WidgetHost(runtime);
        LoadProbe(host, "bomb.lua", "local keep = {}\nfunction widget:GameFrame(n) while true do "
            + "keep[#keep+1] = string.rep('x', 1000) .. #keep end end\n");
        host.CallIn("GameFrame", 1);
        Assert.Contains(host.Errors, e => e.Message.Contains("memory", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(host.LoadedWidgets);
    }

    [Fact]
    public void Call_in_sample_counts_instructions_engine_calls_and_allocations()
    {
        var host = HostWithTestNatives();
        LoadProbe(host, "count.lua", "local keep\nfunction widget:GameFrame(n) local t = {} for i = 1, 20000 "
            + "do t[i] = Test.Three() end keep = t end\n");
        var sample = host.CallIn("GameFrame", 1);
        Assert.Equal(20000, sample.EngineCalls);
        Assert.InRange(sample.Instructions, 20000, 2_000_000);
        Assert.True(sample.AllocBytes >= 20000 * 8, $"alloc bytes {sample.AllocBytes}");
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void A_native_raises_a_Lua_error_without_unwinding_through_managed_code()
    {
        var host = HostWithTestNatives();
        LoadProbe(host, "raise.lua", "function widget:GameFrame(n)\n  local ok = Test.NeedsNumber(1)\n  "
            + "WG.first = ok\n  Test.NeedsNumber('x')\n  WG.after = true\nend\n");
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
        }

        host.CallIn("GameFrame", 1);
        var error = Assert.Single(host.Errors);
        Assert.Equal("[string \"LuaUI/Widgets/raise.lua\"]:5: bad argument #1 to 'NeedsNumber' (number "
            + "expected, got string)", error.Message);

        Assert.Contains("[C]: in function 'NeedsNumber'\n\t[string \"LuaUI/Widgets/raise.lua\"]:5:", error.Traceback);
        Assert.Equal(true, GetWG(_runtime, "first"));
        Assert.Null(GetWG(_runtime, "after"));
    }

    [Fact]
    public void An_exception_inside_a_native_becomes_the_widgets_Lua_error_not_a_crash()
    {
        var host = HostWithTestNatives();
        LoadProbe(host, "throws.lua",
            "function widget:GameFrame(n)\n  WG.caught = not pcall(Test.Throws)\n  Test.Throws()\nend\n");
        host.CallIn("GameFrame", 1);
        var error = Assert.Single(host.Errors);
        Assert.Contains("BarHarness internal error in Test.Throws: InvalidOperationException: boom", error.Message,
            StringComparison.Ordinal);
        Assert.Equal(true, GetWG(_runtime, "caught"));
        Assert.Empty(host.LoadedWidgets);
        Assert.Equal("ok", _runtime.DoString("return 'ok'", "=t")[0]);
    }
}
