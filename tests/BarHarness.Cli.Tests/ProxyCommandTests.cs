using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace BarHarness.Cli.Tests;

public sealed class ProxyCommandTests
{
    private const string Hello = """{"schema_version":1,"protocol":"1.1","seq":0,"type":"hello","frame":100,"""
        + """ "widget_version":"1.0.0","""
        + """ "detail":"standard","framing":"newline","rate":30,"game_name":"Beyond All Reason","""
        + """ "local":{"player_id":0,"team_id":0,"ally_team_id":0,"spectator":false,"full_view":false},"""
        + """ "map":{"name":"Test","size_x":8192,"size_z":4096},"unit_defs":[]}""";

    private const string Snapshot = """{"schema_version":1,"protocol":"1.1","seq":1,"type":"snapshot","frame":100,"""
        + """ "reason":"connect","""
        + """ "detail":"standard","sample_window":1,"""
        + """ "game":{"frame":100,"seconds":1,"speed":1.0,"wanted_speed":1.0,"paused":false},"players":[],"""
        + """ "teams":[{"id":0,"ally_team":0,"dead":false,"metal":null,"energy":null}],"""
        + """ "units":[{"id":100,"def":1,"team":0,"x":1,"y":2,"z":3,"hp":10,"max_hp":10,"bp":1}]}""";

    private const string Delta = """{"schema_version":1,"seq":SEQ,"type":"delta","frame":130,"detail":"standard","""
        + """ "sample_window":1,"created":[],"updated":[],"destroyed":[],"left_los":[],"teams":[]}""";

    [Fact]
    public async Task Proxy_forwards_both_ways_applies_its_fault_file_and_records_a_replayable_valid_stream()
    {
        var dir = CliRunner.TempDir();
        var record = Path.Combine(dir, "game.jsonl");
        var faults = Path.Combine(dir, "faults.yaml");
        File.WriteAllText(faults, "faults:\n  - {name: latency, at: 0s, params: {latency_ms: 300}}\n");
        var stream = string.Join('\n', Hello, Snapshot, Delta.Replace("SEQ", "2", StringComparison.Ordinal)) + "\n";

        var (consumer, consumerPort) = Listen();
        var received = Task.Run(() => Consume(consumer, Encoding.UTF8.GetByteCount(stream)));
        var port = TestEnvironment.FreeLoopbackPort();
        var proxy = Task.Run(() => CliRunner.Run(
            "proxy", "--port", Text(port), "--upstream", $"127.0.0.1:{Text(consumerPort)}", "--no-api",
            "--seconds", "4", "--record", record, "--faults", faults));

        using var widget = await ConnectAsync(port);
        var sentAt = Stopwatch.GetTimestamp();
        widget.Send(Encoding.UTF8.GetBytes(stream));
        var answer = new byte[64];
        var answered = widget.Receive(answer);
        var (bytes, firstByteAt) = await received;
        widget.Shutdown(SocketShutdown.Send);
        var exit = await proxy;

        Assert.Equal(stream, Encoding.UTF8.GetString(bytes));
        var delay = Stopwatch.GetElapsedTime(sentAt, firstByteAt);
        Assert.True(
            delay >= TimeSpan.FromMilliseconds(300),
            $"the fault file's 300 ms latency: bytes reached the consumer after {delay.TotalMilliseconds} ms");
        Assert.Equal("from the consumer\n", Encoding.UTF8.GetString(answer, 0, answered));
        Assert.Equal(0, exit);
        var types = File.ReadAllLines(record)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("msg").GetProperty("type").GetString()!)
            .ToList();
        Assert.Equal(["hello", "snapshot", "delta"], types);
        Assert.Equal(0, CliRunner.Run("replay", record, "--out", Path.Combine(dir, "replay.yaml")));
        consumer.Stop();
    }

    [Fact]
    public async Task Proxy_exits_1_when_the_forwarded_stream_skips_a_sequence_number()
    {
        var (consumer, consumerPort) = Listen();
        var stream = string.Join('\n', Hello, Snapshot, Delta.Replace("SEQ", "7", StringComparison.Ordinal)) + "\n";
        var received = Task.Run(() => Consume(consumer, Encoding.UTF8.GetByteCount(stream)));
        var port = TestEnvironment.FreeLoopbackPort();
        var upstream = $"127.0.0.1:{Text(consumerPort)}";
        var proxy = Task.Run(() => CliRunner.Run(
            "proxy", "--port", Text(port), "--upstream", upstream, "--no-api", "--seconds", "3"));
        using var widget = await ConnectAsync(port);
        widget.Send(Encoding.UTF8.GetBytes(stream));
        await received;

        Assert.Equal(1, await proxy);
        consumer.Stop();
    }

    [Fact]
    public void Proxy_refuses_a_broken_fault_file_with_its_line_and_column()
    {
        var dir = CliRunner.TempDir();
        var faults = Path.Combine(dir, "faults.yaml");
        File.WriteAllText(faults, "faults:\n  - {name: latency, at: 1s, params: {latency_ms: -5}}\n");

        var exit = CliRunner.Run(
            "proxy", "--port", "0", "--upstream", "127.0.0.1:9", "--no-api", "--faults", faults, "--seconds", "1");

        Assert.Equal(2, exit);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static (TcpListener Listener, int Port) Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return (listener, ((IPEndPoint)listener.LocalEndpoint).Port);
    }

    /// <summary>
    /// The user's consumer: greets the widget, then reads until it has <paramref name="expected"/> bytes.
    /// </summary>
    /// <returns>The bytes, and the <see cref="Stopwatch"/> timestamp of the first one.</returns>
    private static (byte[] Bytes, long FirstByteAt) Consume(TcpListener listener, int expected)
    {
        using var socket = listener.AcceptSocket();
        long firstByteAt = 0;
        socket.ReceiveTimeout = 10_000;
        socket.Send("from the consumer\n"u8);
        var bytes = new List<byte>();
        var buffer = new byte[4096];
        while (bytes.Count < expected)
        {
            var n = socket.Receive(buffer);
            if (n == 0)
            {
                break;
            }

            firstByteAt = firstByteAt == 0 ? Stopwatch.GetTimestamp() : firstByteAt;
            bytes.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        return (bytes.ToArray(), firstByteAt);
    }

    /// <summary>The widget: retries while the proxy command starts (other CLI tests may run first).</summary>
    private static async Task<Socket> ConnectAsync(int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10_000 };
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return socket;
            }
            catch (SocketException) when (attempt < 600)
            {
                socket.Dispose();
                await Task.Delay(50);
            }
        }
    }
}
