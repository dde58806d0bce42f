namespace BarHarness.Network.Tests.LuaSocket;

public sealed class SocketTimelineTests : SimulatedSocketTests
{
    [Fact]
    public void A_connection_shows_target_result_handshake_first_bytes_and_the_peer_reset()
    {
        var (api, listener, socket) = ApiWithListenerOn(8765);

        api.Connect(socket, "127.0.0.1", 8765);
        Network.AdvanceBy(1_000);
        api.Select([socket], [], 0);
        var server = listener.TryAccept()!;
        api.Send(socket, "hello\n"u8.ToArray(), null, null);
        api.Send(socket, "again\n"u8.ToArray(), null, null);
        server.Write("ok\n"u8);
        Network.AdvanceBy(1_000);
        api.Receive(socket, ReceivePattern.Line, []);
        server.Reset();
        Network.AdvanceBy(1_000);
        api.Receive(socket, ReceivePattern.Line, []);

        var kinds = api.Timeline.Events.Select(e => e.Kind).ToList();
        Assert.Equal(
            [
                SocketTimelineEventKind.Created,
                SocketTimelineEventKind.ConnectAttempt,
                SocketTimelineEventKind.Connected,
                SocketTimelineEventKind.FirstByteSent,
                SocketTimelineEventKind.FirstByteReceived,
                SocketTimelineEventKind.ClosedByPeer,
            ],
            kinds);
        Assert.Equal("127.0.0.1:8765 returned nil, \"timeout\"", api.Timeline.Events[1].Detail);
        Assert.Contains("12 bytes sent, 3 received", api.Timeline.Events[^1].Detail, StringComparison.Ordinal);
        Assert.Equal(12, api.Timeline.BytesSent);
        Assert.Equal(3, api.Timeline.BytesReceived);
        Assert.Equal(1, api.Timeline.SelectsForReading);
        Assert.Equal(0, api.Timeline.SelectsForWriting);
        Assert.Equal(2, api.Timeline.SendCalls);
    }

    [Fact]
    public void A_refused_and_a_denied_connect_are_both_failures_with_their_reason()
    {
        var api = new LuaSocketApi(Network, new LuaSocketOptions { TcpAllowConnect = "127.0.0.1:9" });
        var socket = api.NonBlockingTcp();

        api.Connect(socket, "127.0.0.1", 8766);
        api.Connect(socket, "127.0.0.1", 9);
        Network.AdvanceBy(1_000);
        api.Select([], [socket], 0);

        var failures = api.Timeline.Events
            .Where(e => e.Kind == SocketTimelineEventKind.ConnectFailed).Select(e => e.Detail).ToList();
        Assert.Equal(["127.0.0.1:8766 denied (not in TCPAllowConnect)", "refused by 127.0.0.1:9"], failures);
        Assert.Equal(2, api.Timeline.ConnectAttempts);
        Assert.Equal(0, api.Timeline.Connections);
    }

    [Fact]
    public void Events_past_the_bound_are_counted_not_kept()
    {
        var api = new LuaSocketApi(Network);
        for (var i = 0; i < SocketTimeline.MaxEvents + 5; i++)
        {
            api.Close(api.Tcp());
        }

        Assert.Equal(SocketTimeline.MaxEvents, api.Timeline.Events.Count);
        Assert.Equal((2 * (SocketTimeline.MaxEvents + 5)) - SocketTimeline.MaxEvents, api.Timeline.EventsLeftOut);
        Assert.Equal(SocketTimeline.MaxEvents + 5, api.Timeline.SocketsCreated);
    }
}
