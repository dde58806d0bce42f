namespace BarHarness.TestServer.Tests.Server;

/// <summary>Each fault's effect as the widget's end of the connection sees it (buffers 1 KiB + 1 KiB per
/// direction).</summary>
public class FaultEffectTests
{
    private static FaultSchedule At(Fault fault, long startMs, long? endMs = null) =>
        new([new ScheduledFault(fault, startMs * 1000, endMs * 1000)]);

    private static byte[] Bytes(int n, byte fill = (byte)'a') => Enumerable.Repeat(fill, n).ToArray();

    [Fact]
    public void Without_faults_every_message_reaches_the_oracle_and_the_recording()
    {
        using var rig = new ServerRig();
        var client = rig.Connect();
        var sent = ServerRig.Send(client, Line(Hello(0))) + ServerRig.Send(client, Line(Snapshot(1, 30)));
        rig.Tick();

        Assert.Equal(2, rig.Server.Oracle.Stats.ValidMessages);
        Assert.Equal(sent, rig.Server.Recording.TotalBytes);
        Assert.Empty(rig.Server.Oracle.Violations);
    }

    [Fact]
    public void Down_refuses_connects_and_closes_open_connections_until_it_ends()
    {
        using var rig = new ServerRig(At(new DownFault(), 10, 30));
        var early = rig.Connect();
        rig.RunUntil(11_000);

        Assert.Equal(TransferOutcome.EndOfStream, ServerRig.Drain(early).Last);
        var refused = rig.Connect();
        Assert.Equal(ConnectionState.Refused, refused.State);

        rig.RunUntil(32_000);
        Assert.Equal(ConnectionState.Established, rig.Connect().State);
    }

    [Fact]
    public void Disconnect_reads_what_is_there_then_closes_with_a_FIN()
    {
        using var rig = new ServerRig(At(new DisconnectFault(), 5));
        var client = rig.Connect();
        ServerRig.Send(client, Line(Snapshot(0, 1)));
        rig.RunUntil(6_000);

        Assert.Equal(1, rig.Server.Oracle.Stats.ValidMessages);
        Assert.Equal(TransferOutcome.EndOfStream, ServerRig.Drain(client).Last);
        Assert.Equal(1, rig.Server.Counters.ClosedByServer);
    }

    [Fact]
    public void Reset_peer_resets_after_its_timeout_and_the_widget_sees_a_reset()
    {
        using var rig = new ServerRig(At(new ResetPeerFault(Timeout: 10), 5, 100));
        var client = rig.Connect();
        rig.RunUntil(14_000);
        Assert.Equal(ConnectionState.Established, client.State);

        rig.RunUntil(16_000);
        Assert.Equal(TransferOutcome.ConnectionReset, client.Write(Line(Heartbeat(0, 1))).Outcome);
        Assert.Equal(1, rig.Server.Counters.ResetByServer);
    }

    [Fact]
    public void Restart_closes_refuses_during_its_delay_then_listens_again()
    {
        using var rig = new ServerRig(At(new RestartFault(Delay: 20), 5));
        var client = rig.Connect();
        rig.RunUntil(6_000);
        Assert.Equal(TransferOutcome.EndOfStream, ServerRig.Drain(client).Last);

        rig.RunUntil(15_000);
        Assert.Equal(ConnectionState.Refused, rig.Connect().State);

        rig.RunUntil(27_000);
        var again = rig.Connect();
        Assert.Equal(ConnectionState.Established, again.State);
        rig.Tick(5);
        Assert.Equal(ConnectionState.Established, again.State);
    }

    [Fact]
    public void Latency_delays_arrival_by_exactly_the_latency_without_jitter()
    {
        using var rig = new ServerRig(At(new LatencyFault(Latency: 100, Jitter: 0), 0, 1000));
        var client = rig.Connect();
        ServerRig.Send(client, Line(Snapshot(0, 1)));
        rig.Tick();
        var readAt = rig.Now;
        rig.RunUntil(readAt + 99_000);
        Assert.Equal(0, rig.Server.Oracle.Stats.Messages);

        rig.RunUntil(readAt + 100_000);
        Assert.Equal(1, rig.Server.Oracle.Stats.Messages);
        Assert.Equal(readAt + 100_000, rig.Server.Recording.Chunks.Single().ArrivalMicros);
    }

    [Fact]
    public void Latency_jitter_stays_within_bounds_and_keeps_order()
    {
        using var rig = new ServerRig(At(new LatencyFault(Latency: 50, Jitter: 20), 0, 10_000));
        var client = rig.Connect();
        var readTimes = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            ServerRig.Send(client, Line(Heartbeat(i, i)));
            rig.Tick();
            readTimes.Add(rig.Now);
        }

        rig.RunUntil(rig.Now + 100_000);
        var arrivals = rig.Server.Recording.Chunks.Select(c => c.ArrivalMicros).ToArray();
        Assert.Equal(40, arrivals.Length);
        Assert.Equal(arrivals.Order(), arrivals);
        Assert.All(arrivals.Zip(readTimes), p => Assert.InRange(p.First - p.Second, 30_000, 70_000));
        Assert.True(
            arrivals.Zip(readTimes).Select(p => p.First - p.Second).Distinct().Count() > 5,
            "jitter should vary the delay");
    }

    [Fact]
    public void Bandwidth_reads_no_faster_than_the_rate()
    {
        using var rig = new ServerRig(At(new BandwidthFault(Rate: 10), 0, 10_000)); // 10 KB/s = 10 bytes per ms
        var client = rig.Connect();
        var start = rig.Now;
        ServerRig.Send(client, Bytes(2000));
        rig.RunUntil(start + 100_000);

        Assert.InRange(rig.Server.Counters.BytesRead, 980, 1010);
    }

    [Fact]
    public void Stop_read_fills_the_buffers_until_the_widget_send_is_partial_then_blocked()
    {
        using var rig = new ServerRig(At(new StopReadFault(), 0, 10_000));
        var client = rig.Connect();
        var first = client.Write(Bytes(1500));
        rig.Tick();
        var second = client.Write(Bytes(1500));
        rig.Tick();
        var third = client.Write(Bytes(10));

        Assert.Equal(1500, first.Bytes);
        Assert.Equal(TransferOutcome.Transferred, second.Outcome);
        Assert.True(second.Bytes < 1500, $"second send should be partial, moved {second.Bytes}");
        Assert.Equal(TransferOutcome.WouldBlock, third.Outcome);
        Assert.Equal(0, rig.Server.Counters.BytesRead);
    }

    [Fact]
    public void Slicer_delivers_slices_no_larger_than_the_size_and_spaced_by_the_delay()
    {
        using var rig = new ServerRig(At(new SlicerFault(AverageSize: 100, SizeVariation: 0, Delay: 5000), 0, 10_000));
        var client = rig.Connect();
        ServerRig.Send(client, Bytes(1000));
        rig.RunUntil(rig.Now + 100_000);

        var chunks = rig.Server.Recording.Chunks;
        Assert.Equal(1000, chunks.Sum(c => c.Bytes.Length));
        Assert.All(chunks, c => Assert.Equal(100, c.Bytes.Length));
        Assert.All(
            chunks.Zip(chunks.Skip(1)),
            p => Assert.True(p.Second.ArrivalMicros - p.First.ArrivalMicros >= 5000));
    }

    [Fact]
    public void Limit_data_passes_exactly_the_limit_then_closes()
    {
        using var rig = new ServerRig(At(new LimitDataFault(Bytes: 500), 0, 10_000));
        var client = rig.Connect();
        ServerRig.Send(client, Bytes(1000));
        rig.Tick(3);

        Assert.Equal(500, rig.Server.Counters.BytesRead);
        Assert.Equal(0, rig.Server.Counters.OpenConnections);
        // The server closed with unread bytes in its buffer: like Linux, the widget sees a reset.
        Assert.Equal(TransferOutcome.ConnectionReset, client.Write(Bytes(1)).Outcome);
    }

    [Fact]
    public void Slow_close_holds_the_servers_answer_to_a_FIN_for_the_delay()
    {
        using var rig = new ServerRig(At(new SlowCloseFault(Delay: 50), 0, 10_000));
        var client = rig.Connect();
        client.Close();
        var closedAt = rig.Now;
        rig.RunUntil(closedAt + 40_000);
        Assert.Equal(1, rig.Server.Counters.OpenConnections);

        rig.RunUntil(closedAt + 52_000);
        Assert.Equal(0, rig.Server.Counters.OpenConnections);
    }

    [Fact]
    public void Without_slow_close_the_server_answers_a_FIN_at_once()
    {
        using var rig = new ServerRig();
        var client = rig.Connect();
        client.Close();
        rig.Tick();

        Assert.Equal(0, rig.Server.Counters.OpenConnections);
        Assert.Equal(1, rig.Server.Counters.EndedByPeerFin);
    }

    [Fact]
    public void Timeout_zero_is_a_half_open_peer_that_never_reads_nor_closes()
    {
        using var rig = new ServerRig(At(new TimeoutFault(Timeout: 0), 0, 1_000_000));
        var client = rig.Connect();
        ServerRig.Send(client, Line(Snapshot(0, 1)));
        rig.RunUntil(500_000);

        Assert.Equal(0, rig.Server.Counters.BytesRead);
        Assert.Equal(1, rig.Server.Counters.OpenConnections);
        Assert.Equal(ConnectionState.Established, client.State);
    }

    [Fact]
    public void Timeout_with_a_time_closes_after_it()
    {
        using var rig = new ServerRig(At(new TimeoutFault(Timeout: 20), 0, 1_000));
        rig.Connect();
        rig.RunUntil(15_000);
        Assert.Equal(1, rig.Server.Counters.OpenConnections);

        rig.RunUntil(25_000);
        Assert.Equal(0, rig.Server.Counters.OpenConnections);
    }

    [Fact]
    public void Garbage_sends_junk_broken_into_overlong_lines()
    {
        using var rig = new ServerRig(
            At(new GarbageFault(Bytes: 1000, LineLength: 99), 0, 1000),
            buffers: new SocketBuffers(4096, 4096));
        var client = rig.Connect();
        rig.Tick(2);

        var buffer = new byte[4096];
        var read = client.Read(buffer);
        Assert.Equal(1000, read.Bytes);
        var newlines = Enumerable.Range(0, 1000).Where(i => buffer[i] == (byte)'\n').ToArray();
        Assert.Equal(Enumerable.Range(1, 10).Select(k => (k * 100) - 1), newlines);
        Assert.Equal(1000, rig.Server.Counters.BytesWritten);
    }

    [Fact]
    public void Chatter_writes_one_json_line_per_interval_to_the_widget_while_it_lasts()
    {
        var buffers = new SocketBuffers(64 * 1024, 64 * 1024);
        using var rig = new ServerRig(At(new ChatterFault(Interval: 10, Bytes: 64), 0, 100), buffers: buffers);
        var client = rig.Connect();
        rig.RunUntil(200_000);

        var buffer = new byte[64 * 1024];
        var read = client.Read(buffer);
        var lines = System.Text.Encoding.ASCII.GetString(buffer, 0, read.Bytes).Split('\n',
            StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 10, 11); // one at 0 ms, then every 10 ms until the window closes at 100 ms
        Assert.All(lines, line => Assert.Equal(63, line.Length));
        Assert.All(lines, line => Assert.Equal("ping",
            System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("type").GetString()));
        Assert.Equal(read.Bytes, rig.Server.Counters.BytesWritten);
    }

    [Fact]
    public void Toxicity_zero_leaves_connections_alone()
    {
        using var rig = new ServerRig(At(new StopReadFault { Toxicity = 0 }, 0, 10_000));
        var client = rig.Connect();
        ServerRig.Send(client, Bytes(700));
        rig.Tick();

        Assert.Equal(700, rig.Server.Counters.BytesRead);
    }

    [Fact]
    public void Partial_toxicity_picks_connections_from_the_seed_reproducibly()
    {
        static string Pattern(ulong seed)
        {
            using var rig = new ServerRig(At(new ResetPeerFault(0) { Toxicity = 0.5 }, 0, 10_000), seed);
            var clients = Enumerable.Range(0, 24).Select(_ => rig.Connect()).ToArray();
            rig.Tick();
            return string.Concat(clients.Select(c => c.State == ConnectionState.Reset ? 'R' : '.'));
        }

        var a = Pattern(11);
        Assert.Equal(a, Pattern(11));
        Assert.Contains('R', a);
        Assert.Contains('.', a);
        Assert.NotEqual(a, Pattern(12));
    }

    [Fact]
    public void Game_clock_schedules_follow_the_frame_not_the_time()
    {
        var schedule = new FaultSchedule([new ScheduledFault(new StopReadFault(), 100, 200, FaultClock.GameFrame)]);
        using var rig = new ServerRig(schedule);
        var client = rig.Connect();
        rig.Tick(5, gameFrame: 150);
        ServerRig.Send(client, Bytes(10));
        rig.Tick(5, gameFrame: 150);
        Assert.Equal(0, rig.Server.Counters.BytesRead);

        rig.Tick(1, gameFrame: 201);
        Assert.Equal(10, rig.Server.Counters.BytesRead);
    }

    [Fact]
    public void A_widget_that_reconnects_with_hello_and_snapshot_after_a_disconnect_passes_the_oracle()
    {
        using var rig = new ServerRig(At(new DisconnectFault(), 5));
        var first = rig.Connect();
        ServerRig.Send(first, Line(Hello(0)));
        ServerRig.Send(first, Line(Snapshot(1, 10)));
        rig.RunUntil(8_000);
        first.Close();
        var second = rig.Connect();
        ServerRig.Send(second, Line(Msg.Envelope(3, 20, "hello", null, dropped: 1)));
        ServerRig.Send(second, Line(Snapshot(4, 20)));
        rig.Tick(2);

        Assert.Empty(rig.Server.Oracle.Violations);
        Assert.Equal(4, rig.Server.Oracle.Stats.ValidMessages);
        Assert.Equal(2, rig.Server.Counters.ConnectionsAccepted);
    }

    [Fact]
    public void Accounting_balances_when_a_reset_throws_away_unread_bytes()
    {
        using var rig = new ServerRig(At(new StopReadFault(), 0, 10_000));
        var client = rig.Connect();
        ServerRig.Send(client, Line(Snapshot(0, 1)));
        ServerRig.Send(client, Bytes(300));
        rig.Tick();
        rig.Server.Inject(new ResetPeerFault(0));
        rig.Tick();

        var counters = client.Counters;
        Assert.Equal(0, rig.Server.Counters.BytesRead);
        Assert.True(counters.BytesLostAtReset > 300, $"lost {counters.BytesLostAtReset}");
        rig.Server.CheckAccounting(new AccountingInput(
            counters.BytesWritten,
            counters.BytesLostAtReset,
            client.QueuedOutbound));
        Assert.DoesNotContain(rig.Server.Oracle.Violations, v => v.Kind == ViolationKind.Accounting);

        rig.Server.CheckAccounting(new AccountingInput(counters.BytesWritten + 1, counters.BytesLostAtReset, 0));
        Assert.Contains(rig.Server.Oracle.Violations, v => v.Kind == ViolationKind.Accounting);
    }
}
