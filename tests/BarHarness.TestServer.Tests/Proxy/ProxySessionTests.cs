using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BarHarness.TestServer.Proxy;
using BarHarness.TestServer.Serve;

namespace BarHarness.TestServer.Tests.Proxy;

public sealed class ProxySessionTests
{
    [Fact]
    public void A_consumer_that_refuses_gets_the_widget_connection_closed()
    {
        using var session = Start(new NetEndpoint("127.0.0.1", TestEnvironment.FreeLoopbackPort()));
        using var widget = Connect(session);
        widget.Send("{}\n"u8);
        var clock = Stopwatch.StartNew();
        var ended = false;
        while (!ended && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            session.Poll();
            ended = Ended(widget);
            Thread.Sleep(2);
        }

        Assert.True(ended, "the widget's connection stayed open with no consumer behind the proxy");
    }

    [Fact]
    public void A_consumer_that_stops_reading_holds_the_widget_back()
    {
        var consumer = new TcpListener(IPAddress.Loopback, 0);
        consumer.Start();
        using var session = Start(new NetEndpoint("127.0.0.1", ((IPEndPoint)consumer.LocalEndpoint).Port));
        using var widget = Connect(session);
        widget.Blocking = false;
        using var accepted = AcceptWhilePolling(consumer, session);
        var chunk = new byte[64 * 1024];
        long sent = 0;
        var blockedRounds = 0;
        for (var i = 0; i < 2048 && blockedRounds < 50; i++)
        {
            var n = widget.Send(chunk, 0, chunk.Length, SocketFlags.None, out var error);
            sent += error == SocketError.Success ? n : 0;
            blockedRounds = error == SocketError.WouldBlock ? blockedRounds + 1 : 0;
            session.Poll();
            Thread.Sleep(1);
        }

        Assert.True(
            blockedRounds >= 50, $"the widget sent {sent} bytes into a consumer that reads nothing without blocking");
        consumer.Stop();
    }

    private static ProxySession Start(NetEndpoint upstream)
    {
        var session = new ProxySession(new ProxyOptions("test", upstream)
        {
            Serve = new ServeOptions { Endpoint = NetEndpoint.Loopback(0) },
            MaxQueuedBytes = 64 * 1024,
        });
        session.Start();
        return session;
    }

    private static Socket Connect(ProxySession session)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(IPAddress.Loopback, session.Serve.Endpoint.Port);
        return socket;
    }

    private static Socket AcceptWhilePolling(TcpListener consumer, ProxySession session)
    {
        var clock = Stopwatch.StartNew();
        while (!consumer.Pending() && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            session.Poll();
            Thread.Sleep(2);
        }

        return consumer.AcceptSocket();
    }

    private static bool Ended(Socket socket)
    {
        if (!socket.Poll(0, SelectMode.SelectRead))
        {
            return false;
        }

        try
        {
            return socket.Receive(new byte[16]) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
