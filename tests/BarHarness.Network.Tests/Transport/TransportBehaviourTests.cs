namespace BarHarness.Network.Tests.Transport;

/// <summary>The same behaviours, asserted on both backends: the simulated model must agree with the kernel.</summary>
public sealed class TransportBehaviourTests
{
    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public void Connect_without_listener_is_refused(string backend)
    {
        using var transport = Backends.Create(backend);

        AssertConnectIsRefused(transport, PortNoLongerListenedOn(transport));
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public void Handshake_completes_without_accept_while_in_backlog(string backend)
    {
        using var transport = Backends.Create(backend);
        var listener = transport.Listen(NetEndpoint.Loopback(0));
        var client = transport.Connect(NetEndpoint.Loopback(listener.LocalEndpoint.Port));

        Assert.True(transport.Settle(() => client.State == ConnectionState.Established));
        Assert.True(listener.PendingCount > 0);
        Assert.True(client.Write("hello"u8).Bytes == 5);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public void Peer_that_stops_reading_makes_writes_would_block_after_a_bounded_amount(string backend)
    {
        using var transport = Backends.Create(backend, bufferBytes: 16 * 1024);
        var (_, client, _) = transport.Connected();

        var accepted = transport.FillUntilWouldBlock(client);

        Assert.InRange(accepted, 16 * 1024, 4 * 1024 * 1024);
        Assert.Equal(TransferOutcome.WouldBlock, client.Write(new byte[100]).Outcome);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public void Graceful_close_delivers_buffered_bytes_then_end_of_stream(string backend)
    {
        using var transport = Backends.Create(backend);
        var (_, client, server) = transport.Connected();
        var payload = new byte[40_000];
        new Random(7).NextBytes(payload);
        var sent = 0;
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (sent < payload.Length)
        {
            sent += client.Write(payload.AsSpan(sent)).Bytes;
            int got;
            while ((got = server.Read(buffer).Bytes) > 0)
            {
                received.AddRange(buffer.AsSpan(0, got).ToArray());
            }

            transport.Breathe();
        }

        client.Close();
        received.AddRange(transport.ReadAll(server, out var end));

        Assert.Equal(TransferOutcome.EndOfStream, end);
        Assert.Equal(payload, received.ToArray());
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public void Peer_reset_makes_reads_and_writes_report_reset(string backend)
    {
        using var transport = Backends.Create(backend);
        var (_, client, server) = transport.Connected();

        server.Reset();
        transport.Breathe();

        Assert.Equal(TransferOutcome.ConnectionReset, client.Read(new byte[16]).Outcome);
        Assert.Equal(TransferOutcome.ConnectionReset, client.Write("x"u8).Outcome);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public void Writing_to_a_closed_peer_succeeds_once_then_reports_reset(string backend)
    {
        using var transport = Backends.Create(backend);
        var (_, client, server) = transport.Connected();

        server.Close();
        transport.Breathe();
        var first = client.Write("first"u8);
        transport.Breathe();
        var second = client.Write("second"u8);

        Assert.Equal(TransferOutcome.Transferred, first.Outcome);
        Assert.Equal(TransferOutcome.ConnectionReset, second.Outcome);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public void Closing_with_unread_input_resets_the_peer(string backend)
    {
        using var transport = Backends.Create(backend);
        var (_, client, server) = transport.Connected();
        client.Write("unread"u8);
        Assert.True(transport.Settle(() => server.Available > 0));

        server.Close();
        transport.Breathe();

        Assert.Equal(TransferOutcome.ConnectionReset, client.Read(new byte[16]).Outcome);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public void Half_close_lets_the_other_direction_flow(string backend)
    {
        using var transport = Backends.Create(backend);
        var (_, client, server) = transport.Connected();

        client.Shutdown(ShutdownDirection.Send);
        transport.Breathe();
        Assert.Equal(TransferOutcome.EndOfStream, server.Read(new byte[8]).Outcome);
        server.Write("reply"u8);
        var got = transport.ReadAll(client, out _);

        Assert.Equal("reply"u8.ToArray(), got);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public void Closing_the_listener_refuses_new_connections(string backend)
    {
        using var transport = Backends.Create(backend);
        var listener = transport.Listen(NetEndpoint.Loopback(0));
        var port = listener.LocalEndpoint.Port;
        listener.Close();

        AssertConnectIsRefused(transport, port);
    }

    /// <summary>A loopback port that had a listener a moment ago, closed since.</summary>
    private static int PortNoLongerListenedOn(ITransport transport)
    {
        var probe = transport.Listen(NetEndpoint.Loopback(0));
        var port = probe.LocalEndpoint.Port;
        probe.Close();
        return port;
    }

    private static void AssertConnectIsRefused(ITransport transport, int port)
    {
        var client = transport.Connect(NetEndpoint.Loopback(port));

        Assert.True(transport.Settle(() => client.State != ConnectionState.Connecting));
        Assert.Equal(ConnectionState.Refused, client.State);
    }
}
