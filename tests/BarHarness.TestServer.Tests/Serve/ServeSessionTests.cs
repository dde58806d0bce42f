using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using BarHarness.TestServer.Serve;

namespace BarHarness.TestServer.Tests.Serve;

/// <summary>serve on real loopback sockets. Waits are bounded polls for an outcome, never timing assertions.</summary>
public sealed class ServeSessionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bh-serve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ServeOptions Options(string? record = null, FaultSchedule? schedule = null) =>
        new() { Endpoint = NetEndpoint.Loopback(0), RecordPath = record, Schedule = schedule };

    private static void PollUntil(ServeSession session, Func<ServeStatistics, bool> done, double seconds = 10)
    {
        var wall = Stopwatch.StartNew();
        while (!done(session.Snapshot()) && wall.Elapsed.TotalSeconds < seconds)
        {
            session.Poll();
            Thread.Sleep(2);
        }
    }

    private static Socket ConnectTo(ServeSession session)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect("127.0.0.1", session.Endpoint.Port);
        return socket;
    }

    [Fact]
    public void Serve_validates_and_records_a_real_socket_stream()
    {
        var record = Path.Combine(_dir, "stream.jsonl");
        using var session = new ServeSession(Options(record));
        session.Start();
        using var client = ConnectTo(session);
        client.Send(Line(Hello(0)));
        client.Send(Line(Snapshot(1, 30, new Unit(7, 0, 1, 2, 3))));
        client.Send(Line(Delta(2, 31)));
        client.Send(Encoding.UTF8.GetBytes("not json\n"));
        PollUntil(session, s => s.Messages >= 4);
        var stats = session.Snapshot();
        session.Stop();

        Assert.Equal(
            (1L, 4L, 1L, 1L),
            (stats.Connections, stats.Messages, stats.InvalidMessages, stats.UnitsInLastSnapshot));
        Assert.Equal(ServeConnectionState.Connected, stats.State);
        var lines = File.ReadAllLines(record);
        Assert.Equal(4, lines.Length);
        using var first = JsonDocument.Parse(lines[1]);
        Assert.Equal(1, first.RootElement.GetProperty("msg").GetProperty("seq").GetInt32());
        Assert.Equal(1, first.RootElement.GetProperty("conn").GetInt64());
        Assert.True(first.RootElement.GetProperty("at_us").GetInt64() >= 0);
        Assert.Equal("not json", JsonDocument.Parse(lines[3]).RootElement.GetProperty("invalid").GetString());
    }

    [Fact]
    public void Serve_refuses_to_bind_beyond_loopback_unless_told()
    {
        var error = Assert.Throws<HarnessInputException>(() =>
            new ServeSession(Options() with { Endpoint = new NetEndpoint("0.0.0.0", 0) }));
        Assert.Contains("loopback", error.Describe());
    }

    [Fact]
    public void A_reset_keystroke_resets_the_real_connection()
    {
        using var session = new ServeSession(Options());
        session.Start();
        using var client = ConnectTo(session);
        PollUntil(session, s => s.OpenConnections == 1);
        session.Inject("reset_peer", new Dictionary<string, object?>());
        PollUntil(session, s => s.OpenConnections == 0);

        var error = Assert.Throws<SocketException>(() => client.Receive(new byte[16]));
        Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
    }

    [Fact]
    public void Stop_read_on_real_sockets_ends_in_a_send_that_would_block()
    {
        using var session = new ServeSession(Options() with { Buffers = new SocketBuffers(4096, 4096) });
        session.Start();
        using var client = ConnectTo(session);
        client.SendBufferSize = 4096;
        client.Blocking = false;
        PollUntil(session, s => s.OpenConnections == 1);
        session.Inject(new StopReadFault(), TimeSpan.FromMinutes(1));
        session.Poll();

        var chunk = new byte[1024];
        var total = 0L;
        var blocked = false;
        for (var i = 0; i < 100_000 && !blocked; i++)
        {
            var n = client.Send(chunk, 0, chunk.Length, SocketFlags.None, out var error);
            blocked = error == SocketError.WouldBlock;
            total += n;
            session.Poll();
        }

        Assert.True(blocked, $"sent {total} bytes without filling the buffers");
        Assert.Equal(0, session.Snapshot().Bytes);
    }

    [Fact]
    public void Serve_with_a_recorded_fault_schedule_validates_a_real_lua51_luasocket_client()
    {
        var lua = new[] { "/usr/bin/lua5.1", "/usr/local/bin/lua5.1" }.FirstOrDefault(File.Exists);
        Assert.True(lua is not null, "lua5.1 with LuaSocket is needed (apt-get install -y lua5.1 lua-socket)");
        var schedule = new FaultSchedule(
        [
            new ScheduledFault(new DisconnectFault(), 400_000),
            new ScheduledFault(new LatencyFault(30, 0), 800_000, 1_000_000),
        ]);
        var record = Path.Combine(_dir, "lua.jsonl");
        var script = Path.Combine(_dir, "client.lua");
        File.WriteAllText(script, LuaClient);
        using var session = new ServeSession(Options(record, schedule));
        session.Start();

        using var process = Process.Start(new ProcessStartInfo(lua!,
            [script, session.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "1.4"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var wall = Stopwatch.StartNew();
        while (!process.HasExited && wall.Elapsed.TotalSeconds < 20)
        {
            session.Poll();
            Thread.Sleep(2);
        }

        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        for (var i = 0; i < 50; i++)
        {
            session.Poll();
            Thread.Sleep(2);
        }

        var stats = session.Snapshot();
        session.Stop();

        Assert.True(process.HasExited && process.ExitCode == 0, output);
        Assert.True(stats.Connections >= 2, $"the disconnect should force a reconnect; {stats} / {output}");
        Assert.True(stats.Messages > 20, $"{stats.Messages} messages; {output}");
        Assert.True(stats.Violations == 0, string.Join("\n", session.Server.Oracle.Violations) + "\n" + output);
        Assert.Equal(stats.Messages, File.ReadAllLines(record).Length);
    }

    /// <summary>A widget-like client: hello and snapshot on every connection, a delta every 10 ms, reconnect on
    /// "closed".</summary>
    private const string LuaClient = """
        local socket = require("socket")
        local port, seconds = tonumber(arg[1]), tonumber(arg[2])
        local seq, frame, dropped = -1, 0, 0
        local function nextSeq() seq = (seq + 1) % 16777216 return seq end
        local unit = '{"id":1,"def":1,"team":0,"x":%d,"y":0,"z":0}'
        local bodies = {
          hello = ',"protocol":"1.1","widget_version":"1.0.0","detail":"minimal","framing":"newline","rate":30,'
            .. '"game_name":"g","local":{"player_id":0,"team_id":0,"ally_team_id":0,"spectator":false,'
            .. '"full_view":false},'
            .. '"map":{"name":"m","size_x":1,"size_z":1},"unit_defs":[]',
          snapshot = ',"protocol":"1.1","reason":"connect","detail":"minimal","sample_window":0,'
            .. '"game":{"frame":%d,"seconds":0,"speed":1,"wanted_speed":1,"paused":false},'
            .. '"players":[],"teams":[],"units":[' .. unit .. ']',
          delta = ',"detail":"minimal","sample_window":0,"created":[],"updated":[' .. unit .. '],'
            .. '"destroyed":[],"left_los":[],"teams":[]',
        }
        local function message(kind)
          local drops = ""
          if dropped > 0 then drops = string.format('"dropped":%d,"drop_reason":"disconnect",', dropped) dropped = 0 end
          local body = bodies[kind]
          if kind == "snapshot" then body = string.format(body, frame, frame) else body = string.format(body, frame) end
          local header = string.format('{"schema_version":1,"seq":%d,%s"type":"%s","frame":%d',
            nextSeq(), drops, kind, frame)
          return header .. body .. '}\n'
        end
        local sock
        local start = socket.gettime()
        while socket.gettime() - start < seconds do
          frame = frame + 1
          if not sock then
            local s = socket.tcp()
            s:settimeout(1)
            if s:connect("127.0.0.1", port) then
              sock = s
              for _, kind in ipairs({ "hello", "snapshot" }) do sock:send(message(kind)) end
            else
              s:close()
            end
          else
            local ok, err = sock:send(message("delta"))
            if not ok then
              io.stderr:write("send failed: " .. tostring(err) .. "\n")
              sock:close()
              sock = nil
              dropped = 1
            end
          end
          socket.sleep(0.01)
        end
        if sock then sock:close() end
        print("done at seq " .. seq)
        """;
}
