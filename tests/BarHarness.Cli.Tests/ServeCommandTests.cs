using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace BarHarness.Cli.Tests;

public sealed class ServeCommandTests
{
    private const string Hello = """{"schema_version":1,"seq":SEQ,"type":"hello","frame":"""
        + """FRAME,"protocol":"1.1","widget_version":"1.0.0","detail":"standard","framing":"newline","rate":"""
        + """30,"game_name":"Beyond All Reason","local":{"player_id":0,"team_id":0,"ally_team_id":0,"spectator":"""
        + """false,"full_view":false},"map":{"name":"Test","size_x":8192,"size_z":4096},"unit_defs":[]}""";
    private const string Snapshot = """{"schema_version":1,"seq":SEQ,"type":"snapshot","frame":"""
        + """FRAME,"protocol":"1.1","reason":"connect","detail":"standard","sample_window":1,"game":{"frame":"""
        + """FRAME,"seconds":1,"speed":1.0,"wanted_speed":1.0,"paused":false},"players":[],"teams":[{"id":"""
        + """0,"ally_team":0,"dead":false,"metal":null,"energy":null},{"id":1,"ally_team":1,"dead":false,"metal":"""
        + """null,"energy":null}],"units":[{"id":100,"def":1,"team":0,"x":1,"y":2,"z":3,"hp":10,"max_hp":10,"bp":"""
        + """1},{"id":101,"def":1,"team":1,"x":1,"y":2,"z":3,"hp":10,"max_hp":10,"bp":1}]}""";
    private const string Delta = """{"schema_version":1,"seq":SEQ,"type":"delta","frame":"""
        + """FRAME,"detail":"standard","sample_window":1,"created":[{"id":102,"def":1,"team":0,"x":1,"y":2,"z":"""
        + """3,"hp":10,"max_hp":10,"bp":1}],"updated":[],"destroyed":[],"left_los":[],"teams":[]}""";

    [Fact]
    public async Task Serve_records_and_validates_a_real_LuaSocket_client_across_a_scheduled_disconnect()
    {
        CliRunner.RequireLuaSocket();
        var dir = CliRunner.TempDir();
        var record = Path.Combine(dir, "stream.jsonl");
        var schedule = Path.Combine(dir, "faults.yaml");
        File.WriteAllText(schedule, "faults:\n  - {name: disconnect, at: 1500ms}\n");
        var port = TestEnvironment.FreeLoopbackPort();

        // First connection: hello, snapshot, delta; wait for the scheduled FIN; reconnect with hello + snapshot.
        var script = ClientScript(port, [
            [Msg(Hello, 0, 100), Msg(Snapshot, 1, 100), Msg(Delta, 2, 130)],
            [Msg(Hello, 3, 200), Msg(Snapshot, 4, 200)],
        ]);
        var (exit, client) = ServeAndRecord(script, port, seconds: 5, record, "--faults", schedule);
        var (luaCode, luaOutput) = await client;

        Assert.True(luaCode == 0, "lua client failed: " + luaOutput);
        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(record).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(
            ["hello", "snapshot", "delta", "hello", "snapshot"],
            lines.Select(l => l.GetProperty("msg").GetProperty("type").GetString()!).ToList());
        Assert.Equal(2, lines.Select(l => l.GetProperty("conn").GetInt64()).Distinct().Count());
        Assert.All(lines, l => Assert.True(l.GetProperty("at_us").GetInt64() >= 0));
    }

    [Fact]
    public async Task Serve_exits_1_when_the_stream_has_an_undeclared_sequence_gap()
    {
        CliRunner.RequireLuaSocket();
        var dir = CliRunner.TempDir();
        var record = Path.Combine(dir, "stream.jsonl");
        var port = TestEnvironment.FreeLoopbackPort();
        var script = ClientScript(port, [[Msg(Hello, 0, 100), Msg(Snapshot, 5, 100)]]);
        var (exit, client) = ServeAndRecord(script, port, seconds: 3, record);
        var (luaCode, luaOutput) = await client;

        Assert.True(luaCode == 0, "lua client failed: " + luaOutput);
        Assert.Equal(1, exit);
        Assert.Equal(2, File.ReadAllLines(record).Length);
    }

    [Fact]
    public void Serve_refuses_a_non_loopback_host_without_allow_remote()
    {
        Assert.Equal(2, CliRunner.Run("serve", "--host", "0.0.0.0", "--port", "0", "--seconds", "1"));
    }

    private static string Msg(string template, int seq, int frame) =>
        template.Replace(
            "SEQ",
            seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal)
            .Replace(
                "FRAME",
                frame.ToString(System.Globalization.CultureInfo.InvariantCulture),
                StringComparison.Ordinal);

    /// <summary>
    /// A Lua 5.1 client on real LuaSocket: one connection per batch; between batches it waits (blocking,
    /// it is not a widget) until the server closes the connection. It starts as serve's turn at the console
    /// comes (CliRunner.RunWithPeer) and tries to connect for a minute.
    /// </summary>
    private static string ClientScript(int port, string[][] batches)
    {
        var lua = new System.Text.StringBuilder();
        lua.Append("local socket = require('socket')\n");
        lua.Append("local function open() for i = 1, 1200 do local c = "
            + "socket.connect('127.0.0.1', ").Append(port).Append(") if c then return c end socket.sleep(0.05) end "
            + "error('serve never accepted') end\n");
        for (var b = 0; b < batches.Length; b++)
        {
            lua.Append("do local c = open()\n");
            foreach (var m in batches[b])
            {
                lua.Append("assert(c:send([==[").Append(m).Append("]==] .. '\\n'))\n");
            }

            if (b < batches.Length - 1)
            {
                lua.Append("c:settimeout(10) local _, err = c:receive('*l') assert(err == 'closed', 'expected the "
                    + "scheduled disconnect, got ' .. tostring(err)) c:close() end\n");
            }
            else
            {
                lua.Append("socket.sleep(0.3) c:close() end\n");
            }
        }

        return lua.ToString();
    }

    /// <summary>
    /// Runs `serve` on <paramref name="port"/> for <paramref name="seconds"/>, recording the stream, with the
    /// Lua client <paramref name="script"/> started as serve's turn comes.
    /// </summary>
    private static (int Exit, Task<(int Code, string Output)> Client) ServeAndRecord(
        string script, int port, int seconds, string record, params string[] more)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return CliRunner.RunWithPeer(
            () => CliRunner.Exec("lua5.1", "-e", script),
            ["serve", "--port", port.ToString(invariant), "--seconds", seconds.ToString(invariant), "--record", record,
                .. more]);
    }
}
