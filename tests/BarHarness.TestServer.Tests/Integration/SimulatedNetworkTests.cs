using BarHarness.Core.Randomness;
using BarHarness.Core.Time;
using BarHarness.TestServer.Server;
using BarHarness.Transport.Simulated;

namespace BarHarness.TestServer.Tests.Integration;

/// <summary>The test server on the Network room's simulated TCP, stepped the way the simulation will: pump to a time,
/// then Step.</summary>
public sealed class SimulatedNetworkTests : IDisposable
{
    private const long Tick = 1_000;
    private readonly SimulatedNetwork _network = new(
        new SimClock(),
        new TransportOptions { Buffers = new SocketBuffers(4096, 4096) });
    private readonly global::BarHarness.TestServer.Server.TestServer _server;

    public SimulatedNetworkTests()
    {
        _server = new global::BarHarness.TestServer.Server.TestServer(
            _network,
            new SeededRandom(3),
            new TestServerOptions { Endpoint = NetEndpoint.Loopback(8765) });
        _server.Start();
    }

    public void Dispose()
    {
        _server.Dispose();
        _network.Dispose();
    }

    private void Run(long micros)
    {
        var until = _network.Clock.NowMicros + micros;
        while (_network.Clock.NowMicros < until)
        {
            _network.AdvanceBy(Tick);
            _server.Step();
        }
    }

    private IConnection Connected()
    {
        var client = _network.Connect(NetEndpoint.Loopback(8765));
        Run(5_000);
        Assert.Equal(ConnectionState.Established, client.State);
        return client;
    }

    [Fact]
    public void Messages_flow_to_the_oracle_over_simulated_tcp()
    {
        var client = Connected();
        client.Write(Line(Hello(0)));
        client.Write(Line(Snapshot(1, 1)));
        Run(5_000);

        Assert.Equal(2, _server.Oracle.Stats.ValidMessages);
        Assert.Empty(_server.Oracle.Violations);
    }

    [Fact]
    public void Stop_read_makes_the_widgets_send_partial_then_would_block()
    {
        var client = Connected();
        _server.Inject(new StopReadFault(), 10_000_000);
        var data = new byte[3000];
        var results = new List<TransferResult>();
        for (var i = 0; i < 10; i++)
        {
            results.Add(client.Write(data));
            Run(2_000);
        }

        Assert.Contains(results, r => r.Outcome == TransferOutcome.Transferred && r.Bytes < data.Length);
        Assert.Equal(TransferOutcome.WouldBlock, results[^1].Outcome);
        Assert.Equal(0, _server.Counters.BytesRead);
    }

    [Fact]
    public void Reset_peer_reaches_the_widget_as_a_reset_and_the_bytes_balance()
    {
        var client = Connected();
        _server.Inject(new StopReadFault(), 3_000);
        client.Write(Line(Snapshot(0, 1)));
        client.Write(new byte[500]);
        Run(2_000);
        _server.Inject(new ResetPeerFault(0));
        Run(5_000);

        Assert.Equal(TransferOutcome.ConnectionReset, client.Write(new byte[1]).Outcome);
        var c = client.Counters;
        _server.CheckAccounting(new AccountingInput(c.BytesWritten, c.BytesLostAtReset, client.QueuedOutbound));
        Assert.DoesNotContain(_server.Oracle.Violations, v => v.Kind == ViolationKind.Accounting);
    }

    [Fact]
    public void Disconnect_reaches_the_widget_as_end_of_stream()
    {
        var client = Connected();
        _server.Inject(new DisconnectFault());
        Run(5_000);

        var buffer = new byte[16];
        Assert.Equal(TransferOutcome.EndOfStream, client.Read(buffer).Outcome);
    }

    [Fact]
    public void Restart_refuses_during_its_delay_and_listens_again_on_the_same_port()
    {
        var client = Connected();
        _server.Inject(new RestartFault(Delay: 50));
        Run(10_000);
        Assert.Equal(TransferOutcome.EndOfStream, client.Read(new byte[16]).Outcome);

        var refused = _network.Connect(NetEndpoint.Loopback(8765));
        Run(5_000);
        Assert.Equal(ConnectionState.Refused, refused.State);

        Run(50_000);
        Connected();
        Assert.Equal(2, _server.Counters.ConnectionsAccepted);
    }

    [Fact]
    public void Garbage_reaches_the_widget_over_simulated_tcp()
    {
        var client = Connected();
        _server.Inject(new GarbageFault(Bytes: 2000, LineLength: 500));
        Run(5_000);

        var buffer = new byte[4096];
        var total = 0;
        TransferResult r;
        while ((r = client.Read(buffer)).Outcome == TransferOutcome.Transferred)
        {
            total += r.Bytes;
        }

        Assert.Equal(2000, total);
    }
}
