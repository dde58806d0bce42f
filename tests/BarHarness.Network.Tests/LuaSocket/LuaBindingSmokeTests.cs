namespace BarHarness.Network.Tests.LuaSocket;

/// <summary>The Lua face of the emulated socket, as a widget sees it through System.</summary>
public sealed class LuaBindingSmokeTests
{
    private readonly SimulatedNetwork _network = new(new SimClock());
    private readonly LuaSocketApi _api;
    private readonly LuaRuntime _runtime = new();

    public LuaBindingSmokeTests()
    {
        _api = new LuaSocketApi(_network, new LuaSocketOptions { TcpAllowConnect = "127.0.0.1:8765 localhost:-1" });
        LuaSocketBinding.Install(_runtime, _api);
    }

    [Fact]
    public void Socket_global_reports_version_and_objects_are_userdata_printing_their_class()
    {
        var output = Run("""
            local s = socket.tcp()
            print(socket._VERSION, type(s), (tostring(s):gsub("0x%x+", "ADDR")), s.class)
            """);

        Assert.Equal(["LuaSocket 2.0.2\tuserdata\ttcp{master}: ADDR\ttcp{master}"], output);
    }

    [Fact]
    public void Require_socket_fails_for_a_widget_while_the_global_works()
    {
        var output = Run("""
            print(pcall(function() return require("socket") end))
            print(type(socket.tcp))
            """);

        Assert.StartsWith("false\t", output[0]);
        Assert.Equal("function", output[1]);
    }

    [Fact]
    public void Bad_arguments_raise_luasocket_messages_at_the_callers_line()
    {
        var output = Run("""
            local s = socket.tcp()
            print(pcall(function() local r = s:connect(nil, 80) end))
            print(pcall(function() local r = s:send("x") end))
            print(pcall(function() local r = s:setoption("bogus", true) end))
            print(pcall(function() local r = s:settimeout(1, "x") end))
            print(pcall(function() return s:connect(nil, 80) end))
            print(pcall(s.connect, s, nil, 80))
            """);

        Assert.Equal("false\tprobe:2: bad argument #1 to 'connect' (string expected, got nil)", output[0]);
        Assert.Equal("false\tprobe:3: calling 'send' on bad self (tcp{client} expected)", output[1]);
        Assert.Equal("false\tprobe:4: bad argument #1 to 'setoption' (unsupported option `bogus')", output[2]);
        Assert.Equal("false\tprobe:5: bad argument #2 to 'settimeout' (invalid timeout mode)", output[3]);
        Assert.EndsWith(
            "bad argument #1 to 'connect' (string expected, got nil)",
            output[4]); // tail call: position lost
        Assert.Equal("false\tbad argument #2 to '?' (string expected, got nil)", output[5]);
    }

    [Fact]
    public void Connect_outside_TCPAllowConnect_is_denied()
    {
        var output = Run("""
            local s = socket.tcp()
            s:settimeout(0)
            print(s:connect("127.0.0.1", 8766))
            print(s:connect("localhost", 9999))
            """);

        Assert.Equal(["nil\tconnect denied", "nil\ttimeout"], output);
    }

    [Fact]
    public void Blocking_calls_from_lua_are_recorded_with_the_widget_traceback()
    {
        Run("""
            local s = socket.tcp()
            local function waitForServer()
                local ok = s:connect("127.0.0.1", 8765)
                return ok
            end
            waitForServer()
            socket.sleep(1)
            socket.select({ s }, nil, 0.5)
            socket.select({ s }, nil, 0)
            """);

        var calls = _api.Statistics.BlockingCalls;
        Assert.Equal(["connect", "sleep", "select"], calls.Select(c => c.Function));
        Assert.True(calls[0].Traceback.Contains("probe:3"), calls[0].Traceback);
        Assert.Contains("waitForServer", calls[0].Traceback);
        Assert.Equal(0, _network.Clock.NowMicros);
    }

    [Fact]
    public void Select_tables_are_keyed_by_position_and_by_socket()
    {
        var listener = _network.Listen(NetEndpoint.Loopback(8765));
        Run("""
            s = socket.tcp()
            s:settimeout(0)
            s:connect("127.0.0.1", 8765)
            """);
        _network.AdvanceBy(1_000);
        var output = Run("""
            print(s:connect("127.0.0.1", 8765))
            local r, w, e = socket.select({ s }, { s }, 0)
            print(#r, #w, w[1] == s, w[s], e)
            print(socket.select({}, nil, 0))
            """);

        Assert.Equal("1", output[0]);
        Assert.Equal("0\t1\ttrue\t1\tnil", output[1]);
        Assert.StartsWith("table: ", output[2]);
        Assert.EndsWith("\ttimeout", output[2]);
        Assert.Equal(1, listener.PendingCount);
    }

    [Fact]
    public void Socket_helpers_connect_and_bind_work_and_protect_turns_errors_into_nil_err()
    {
        var output = Run("""
            local server = socket.bind("127.0.0.1", 8765)
            print(server.class, select(2, server:getsockname()))
            local ok, err = socket.protect(function() socket.try(nil, "boom") end)()
            print(ok, err)
            print(socket.dns.toip("localhost"))
            print(socket.dns.toip("no.such.host"))
            print(type(socket.gettime()), socket.dns.gethostname())
            """);

        Assert.Equal("tcp{server}\t8765", output[0]);
        Assert.Equal("nil\tboom", output[1]);
        Assert.StartsWith("127.0.0.1\ttable: ", output[2]);
        Assert.Equal("nil\thost not found", output[3]);
        Assert.Equal("number\tbarharness", output[4]);
    }

    [Fact]
    public void A_dropped_socket_is_closed_by_a_native_finalizer()
    {
        // Lua keeps decrementing the count hook's counter inside finalizers but never calls the hook
        // there, so Lua code in a __gc shifts the instruction meter's phase by however many instructions
        // it runs, at a moment set by heap layout: two replays of one seed then time the widget
        // differently. A C finalizer runs no Lua instruction.
        var output = Run("""
            for i = 1, 20 do local s = socket.tcp() s:settimeout(0) s:connect("127.0.0.1", 8765) end
            local kept = socket.tcp()
            print(debug.getinfo(getmetatable(kept).__gc, "S").what)
            collectgarbage("collect")
            collectgarbage("collect")
            """);

        Assert.Equal(["C"], output);
        Assert.Single(_api.OpenSockets);
    }

    private List<string> Run(string code)
    {
        _runtime.SetInternal("probe_code", code);
        _runtime.RunGlue(
            """
            local H = ...
            H.test_env = H.test_env or setmetatable({}, { __index = H.System })
            assert(load(H.probe_code, "=probe", "t", H.test_env))()
            """,
            "=(test runner)");
        return _runtime.Console.Lines.Select(l => l.Text).ToList();
    }
}
