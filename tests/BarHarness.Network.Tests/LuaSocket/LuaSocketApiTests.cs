using System.Text;

namespace BarHarness.Network.Tests.LuaSocket;

public sealed class LuaSocketApiTests : SimulatedSocketTests
{
    [Fact]
    public void Non_blocking_connect_says_timeout_then_in_progress_then_1_then_already_connected()
    {
        var (api, listener, socket) = ApiWithListenerOn(8765);

        Assert.Equal("nil, \"timeout\"", api.Connect(socket, "127.0.0.1", 8765).ToString());
        Assert.Equal("nil, \"Operation already in progress\"", api.Connect(socket, "127.0.0.1", 8765).ToString());
        Network.AdvanceBy(1_000);
        Assert.Equal("1", api.Connect(socket, "localhost", 8765).ToString());
        Assert.Equal("nil, \"already connected\"", api.Connect(socket, "127.0.0.1", 8765).ToString());
        Assert.Equal(SocketClass.Client, socket.Class);
        Assert.Equal(1, listener.PendingCount);
    }

    [Fact]
    public void Refused_connect_is_reported_once_and_the_next_call_starts_a_new_attempt()
    {
        var api = new LuaSocketApi(Network);
        var socket = api.NonBlockingTcp();

        api.Connect(socket, "127.0.0.1", 9);
        Network.AdvanceBy(1_000);

        Assert.Equal("nil, \"connection refused\"", api.Connect(socket, "127.0.0.1", 9).ToString());
        Assert.Equal("nil, \"timeout\"", api.Connect(socket, "127.0.0.1", 9).ToString());
    }

    [Fact]
    public void Denied_connect_returns_connect_denied_and_leaves_theNetwork_alone()
    {
        var api = new LuaSocketApi(Network, new LuaSocketOptions { TcpAllowConnect = "127.0.0.1:8765" });
        var socket = api.NonBlockingTcp();

        Assert.Equal("nil, \"connect denied\"", api.Connect(socket, "127.0.0.1", 8766).ToString());
        Assert.Equal("nil, \"timeout\"", api.Connect(socket, "127.0.0.1", 8765).ToString());
        Assert.Equal(1, api.Statistics.ConnectDenied);
    }

    [Fact]
    public void Send_on_full_buffer_returns_timeout_with_last_index()
    {
        var api = new LuaSocketApi(Network);
        var (socket, _) = Connected(api);
        var data = new byte[20_000];

        var result = api.Send(socket, data, null, null);

        Assert.Null(result[0]);
        Assert.Equal("timeout", result[1]);
        Assert.Equal(8192L, result[2]); // 4 KiB send + 4 KiB receive buffer
        var resumed = api.Send(socket, data, 8193, null);
        Assert.Equal("timeout", resumed[1]);
        Assert.Equal(8192L, resumed[2]);
    }

    [Fact]
    public void Receive_line_strips_cr_and_partial_data_comes_back_as_third_value()
    {
        var api = new LuaSocketApi(Network);
        var (socket, server) = Connected(api);
        server.Write("one\r\ntw"u8);
        Network.AdvanceBy(1_000);

        Assert.Equal("one", Text(api.Receive(socket, ReceivePattern.Line, [])[0]));
        var partial = api.Receive(socket, ReceivePattern.Line, []);
        Assert.Equal("timeout", partial[1]);
        Assert.Equal("tw", Text(partial[2]));
        server.Write("o\n"u8);
        Network.AdvanceBy(1_000);
        Assert.Equal("two", Text(api.Receive(socket, ReceivePattern.Line, Encoding.ASCII.GetBytes("tw"))[0]));
    }

    [Fact]
    public void Receive_all_returns_data_at_close_and_closed_when_nothing_is_left()
    {
        var api = new LuaSocketApi(Network);
        var (socket, server) = Connected(api);
        server.Write("bye"u8);
        server.Close();
        Network.AdvanceBy(1_000);

        Assert.Equal("bye", Text(api.Receive(socket, ReceivePattern.All, [])[0]));
        Assert.Equal("nil, \"closed\", \"\"", Show(api.Receive(socket, ReceivePattern.All, [])));
    }

    [Fact]
    public void Receive_count_after_peer_reset_says_closed()
    {
        var api = new LuaSocketApi(Network);
        var (socket, server) = Connected(api);

        server.Reset();
        Network.AdvanceBy(1_000);

        Assert.Equal("nil, \"closed\", \"\"", Show(api.Receive(socket, ReceivePattern.Bytes(10), [])));
        Assert.Equal("closed", api.Send(socket, "x"u8.ToArray(), null, null)[1]);
    }

    [Fact]
    public void Select_reports_buffered_socket_readable_and_connected_socket_writable()
    {
        var api = new LuaSocketApi(Network);
        var (socket, server) = Connected(api);
        var idle = api.Tcp();
        idle.Close();

        var (r0, w0) = api.Select([socket], [socket], 0);
        Assert.Empty(r0);
        Assert.Equal([socket], w0);

        server.Write("a\nb\n"u8);
        Network.AdvanceBy(1_000);
        api.Receive(socket, ReceivePattern.Line, []);
        Assert.True(socket.Dirty);
        var (r1, _) = api.Select([socket, idle], [], 0);
        Assert.Equal([socket], r1);
        Assert.Empty(api.Statistics.BlockingCalls);
    }

    [Fact]
    public void Blocking_calls_are_recorded_and_do_not_advance_virtual_time()
    {
        var api = new LuaSocketApi(Network)
        {
            TracebackSource = () => "stack traceback:\n\twidget.lua:12",
            GameFrameSource = () => 42,
        };
        var socket = api.Tcp();
        var before = Network.Clock.NowMicros;

        api.Connect(socket, "127.0.0.1", 8765); // default timeout: block forever
        api.Sleep(0.5);
        api.Select([socket], [], 2);

        Assert.Equal(["connect", "sleep", "select"], api.Statistics.BlockingCalls.Select(c => c.Function));
        Assert.Null(api.Statistics.BlockingCalls[0].TimeoutSeconds);
        Assert.Equal(42, api.Statistics.BlockingCalls[1].GameFrame);
        Assert.Contains("widget.lua:12", api.Statistics.BlockingCalls[2].Traceback);
        Assert.Equal(before, Network.Clock.NowMicros);
    }

    [Fact]
    public void Blocking_calls_past_the_first_hundred_are_counted_without_their_tracebacks()
    {
        var api = new LuaSocketApi(Network) { TracebackSource = () => "stack traceback:\n\twidget.lua:12" };

        for (var i = 0; i < SocketStatistics.MaxKeptBlockingCalls + 50; i++)
        {
            api.Sleep(0.01);
        }

        Assert.Equal(SocketStatistics.MaxKeptBlockingCalls + 50, api.Statistics.BlockingCallCount);
        Assert.Equal(SocketStatistics.MaxKeptBlockingCalls, api.Statistics.BlockingCalls.Count);
    }

    [Fact]
    public void Getstats_counts_bytes_and_age_in_virtual_seconds()
    {
        var api = new LuaSocketApi(Network);
        var (socket, server) = Connected(api);
        server.Write("hello\n"u8);
        api.Send(socket, "abc"u8.ToArray(), null, null);
        Network.AdvanceBy(2_000_000);
        api.Receive(socket, ReceivePattern.Line, []);

        var stats = socket.GetStats();

        Assert.Equal(6L, stats[0]);
        Assert.Equal(3L, stats[1]);
        Assert.True((double)stats[2]! >= 2.0);
    }

    private (TcpSocket Client, IConnection Server) Connected(LuaSocketApi api)
    {
        var listener = Network.Listen(NetEndpoint.Loopback(0));
        var socket = api.NonBlockingTcp();
        api.Connect(socket, "127.0.0.1", listener.LocalEndpoint.Port);
        Network.AdvanceBy(1_000);
        Assert.Equal("1", api.Connect(socket, "127.0.0.1", listener.LocalEndpoint.Port).ToString());
        return (socket, listener.TryAccept()!);
    }

    private static string? Text(object? value) => value is byte[] b ? Encoding.Latin1.GetString(b) : null;

    private static string Show(LuaResult result) => string.Join(", ", result.Values.Select(v => v switch
    {
        null => "nil",
        byte[] b => $"\"{Encoding.Latin1.GetString(b)}\"",
        string s => $"\"{s}\"",
        _ => v.ToString(),
    }));
}
