using System.Diagnostics;
using BarHarness.LuaHost.Tests.Differential;

namespace BarHarness.LuaHost.Tests;

/// <summary>What must hold on whichever VM the suite runs on (BARHARNESS_VM), and what only the native 5.1 VM
/// promises.</summary>
public sealed class LuaVmTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bh-vm-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Vm_names_parse_and_the_active_vm_is_the_one_asked_for()
    {
        Assert.Equal(LuaVmKind.Lua51, LuaVm.Parse("lua51"));
        Assert.Equal(LuaVmKind.Lua54, LuaVm.Parse("LUA54"));
        Assert.Null(LuaVm.Parse("luajit"));
        var asked = LuaVm.Parse(Environment.GetEnvironmentVariable(LuaVm.SelectionVariable));
        if (asked is not null)
        {
            Assert.Equal(asked, LuaVm.Active);
        }

        using var runtime = new LuaRuntime();
        Assert.Equal(LuaVm.Active, runtime.Vm);
        Assert.Equal("Lua 5.1", runtime.DoString("return _VERSION", "=t")[0]);
    }

    [Fact]
    public void Another_vm_cannot_be_chosen_once_one_is_in_use()
    {
        using var runtime = new LuaRuntime();
        var other = runtime.Vm == LuaVmKind.Lua51 ? LuaVmKind.Lua54 : LuaVmKind.Lua51;
        Assert.Throws<InvalidOperationException>(() => LuaVm.Select(other));
        LuaVm.Select(runtime.Vm);
    }

    [Fact]
    public void Thread_globals_hold_what_LuaUI_registers_and_widgets_still_see_it()
    {
        using var runtime = new LuaRuntime();
        TestNatives.Install(runtime);
        runtime.SetValue("Game.mapSizeX", 8192);
        var host = new WidgetHost(runtime);
        var error = host.RunScript(
            """
            local G = getfenv(0)
            assert(type(rawget(G, "Test")) == "table", "Test missing from getfenv(0)")
            assert(rawget(G, "Test") == Test, "getfenv(0).Test is not the widget's Test")
            assert(rawget(G, "Game").mapSizeX == 8192, "Game missing from getfenv(0)")
            assert(rawget(G, "string") == string)
            """,
            "=globals");
        Assert.Null(error);
    }

    [Fact]
    public async Task Native_errors_inside_pcall_are_caught_while_the_dotnet_gc_runs()
    {
        // A longjmp across a managed frame would hang the next GC: thousands of caught native errors
        // with collections forced from another thread must all come back, in bounded time.
        using var runtime = new LuaRuntime();
        TestNatives.Install(runtime);
        using var stop = new CancellationTokenSource();
        var collector = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                Thread.Sleep(1);
            }
        });
        var watch = Stopwatch.StartNew();
        var result = runtime.DoString(
            """
            local caught = 0
            for i = 1, 3000 do
              local ok, message = pcall(Test.NeedsNumber, "x")
              if not ok and message:find("number expected, got string", 1, true) then caught = caught + 1 end
              ok = pcall(function() return Test.NeedsNumber({}) end)
              if not ok then caught = caught + 1 end
            end
            return caught
            """,
            "=gc");
        stop.Cancel();
        await collector.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(6000L, result[0]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Lua51OnlyFact]
    public void A_widget_error_reads_byte_for_byte_as_real_lua51_writes_it()
    {
        const string chunkName = "LuaUI/Widgets/broken.lua";
        const string body = """
            function widget:GetInfo() return { name = "broken", layer = 0 } end
            local units = {}
            function widget:GameFrame(n)
              local t = units[n]
              return t.health + #t .. "x" .. string.rep("a", 2.7)
            end
            """;
        var path = Path.Combine(_dir, "broken.lua");
        File.WriteAllText(path, body);
        using var runtime = new LuaRuntime();
        var host = new WidgetHost(runtime);
        Assert.True(host.Load(path, chunkName).IsLoaded);
        host.CallIn("GameFrame", 1);
        var harness = Assert.Single(host.Errors).Message;

        var real = RealLua51(
            "local code = io.read('*a')\n"
            + $"local chunk = assert(loadstring(code, '{chunkName}'))\n"
            + "local widget = setmetatable({}, { __index = _G }); widget.widget = widget\n"
            + "setfenv(chunk, widget); chunk()\n"
            + "local ok, message = pcall(widget.GameFrame, widget, 1)\n"
            + "io.write(message)\n",
            body);
        Assert.Equal(real, harness);
    }

    private static string RealLua51(string script, string input)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, script);
        try
        {
            var start = new ProcessStartInfo("lua5.1", file)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException(Lua51Probe.InstallHint);
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
