using System.Security.Cryptography;
using BarHarness.Core.Randomness;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BarHarness.Network.Tests.Transport;

public sealed class SimulatedNetworkTests
{
    [Fact]
    public void Stalled_peer_accepts_exactly_send_plus_receive_buffer()
    {
        var network = Backends.Simulated(10_000, 7_000);
        var (_, client, _) = network.Connected();

        var accepted = network.FillUntilWouldBlock(client);

        Assert.Equal(17_000, accepted);
    }

    [Fact]
    public void Refusal_arrives_after_the_connect_delay()
    {
        var network = new SimulatedNetwork(new SimClock(), new TransportOptions { ConnectDelayMicros = 500 });
        var client = network.Connect(NetEndpoint.Loopback(1234));

        network.AdvanceTo(499);
        Assert.Equal(ConnectionState.Connecting, client.State);
        network.AdvanceTo(500);
        Assert.Equal(ConnectionState.Refused, client.State);
    }

    [Fact]
    public void Full_backlog_keeps_further_connects_in_progress()
    {
        var network = new SimulatedNetwork(new SimClock());
        var listener = network.Listen(NetEndpoint.Loopback(0), backlog: 1);
        var first = network.Connect(NetEndpoint.Loopback(listener.LocalEndpoint.Port));
        var second = network.Connect(NetEndpoint.Loopback(listener.LocalEndpoint.Port));

        network.AdvanceBy(10_000);
        Assert.Equal(ConnectionState.Established, first.State);
        Assert.Equal(ConnectionState.Connecting, second.State);

        listener.TryAccept();
        network.AdvanceBy(2_000_000);
        Assert.Equal(ConnectionState.Established, second.State);
    }

    [Fact]
    public void Reset_counts_queued_and_unread_bytes_as_lost()
    {
        var network = Backends.Simulated(1000, 1000);
        var (_, client, server) = network.Connected();
        var accepted = network.FillUntilWouldBlock(client);

        server.Reset();
        network.AdvanceBy(1_000);

        Assert.Equal(2000, accepted);
        Assert.Equal(accepted, client.Counters.BytesLostAtReset + server.Counters.BytesRead);
        Assert.Equal(ConnectionState.Reset, client.State);
    }

    [Fact]
    public void Latency_delays_delivery_by_the_configured_time()
    {
        var network = new SimulatedNetwork(new SimClock(), new TransportOptions { LatencyMicros = 3_000 });
        var (_, client, server) = network.Connected();

        var start = network.Clock.NowMicros;
        client.Write("ping"u8);
        network.AdvanceTo(start + 2_999);
        Assert.Equal(0, server.Available);
        network.AdvanceTo(start + 3_000);
        Assert.Equal(4, server.Available);
    }

    [Property]
    public Property Same_operations_give_the_same_bytes_at_the_same_virtual_times()
    {
        return Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed => Run((ulong)seed) == Run((ulong)seed));
    }

    [Property]
    public Property Byte_accounting_balances_under_random_reads_writes_and_resets()
    {
        return Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var network = new SimulatedNetwork(
                new SimClock(),
                new TransportOptions { Buffers = new SocketBuffers(3000, 2000), LatencyMicros = 700 });
            var random = new SeededRandom((ulong)seed);
            var (_, client, server) = network.Connected();
            for (var step = 0; step < 200; step++)
            {
                Act(network, random, client, server);
            }

            server.Reset();
            network.AdvanceBy(10_000);
            var c = client.Counters;
            return c.BytesWritten == server.Counters.BytesRead + c.BytesLostAtReset;
        });
    }

    private static string Run(ulong seed)
    {
        var network = new SimulatedNetwork(
            new SimClock(),
            new TransportOptions { Buffers = new SocketBuffers(3000, 2000), LatencyMicros = 700 });
        var random = new SeededRandom(seed);
        var (_, client, server) = network.Connected();
        var log = new List<string>();
        var buffer = new byte[1500];
        for (var step = 0; step < 200; step++)
        {
            Act(network, random, client, server);
            var got = server.Read(buffer);
            var digest = Convert.ToHexString(SHA256.HashData(buffer.AsSpan(0, got.Bytes)));
            log.Add($"{network.Clock.NowMicros}:{got.Outcome}:{digest}");
        }

        return string.Join(",", log);
    }

    private static void Act(SimulatedNetwork network, SeededRandom random, IConnection client, IConnection server)
    {
        switch (random.Next(0, 3))
        {
            case 0:
                var data = new byte[random.Next(1, 5000)];
                for (var i = 0; i < data.Length; i++)
                {
                    data[i] = (byte)random.Next(0, 256);
                }

                client.Write(data);
                break;
            case 1:
                server.Read(new byte[random.Next(1, 3000)]);
                break;
            default:
                network.AdvanceBy(random.Next(1, 2000));
                break;
        }
    }
}
