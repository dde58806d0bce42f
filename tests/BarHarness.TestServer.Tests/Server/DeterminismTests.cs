namespace BarHarness.TestServer.Tests.Server;

public class DeterminismTests
{
    private static (string Bytes, string Timed, long Violations) Run(ulong seed)
    {
        var schedule = new FaultSchedule(
        [
            new ScheduledFault(new LatencyFault(Latency: 20, Jitter: 15), 0, 200_000),
            new ScheduledFault(new SlicerFault(AverageSize: 40, SizeVariation: 30, Delay: 2000), 50_000, 150_000),
            new ScheduledFault(new ResetPeerFault(0) { Toxicity = 0.5 }, 120_000, 121_000),
        ]);
        using var rig = new ServerRig(schedule, seed);
        var client = rig.Connect();
        var seq = 0;
        ServerRig.Send(client, Line(Hello(seq++)));
        ServerRig.Send(client, Line(Snapshot(seq++, 0, new Unit(1, 0, 1, 2, 3))));
        for (var frame = 1; rig.Now < 300_000; frame++)
        {
            if (client.State != BarHarness.Core.Transport.ConnectionState.Established)
            {
                client = rig.Connect();
                ServerRig.Send(client, Line(Hello(seq++)));
                ServerRig.Send(client, Line(Snapshot(seq++, frame)));
            }

            ServerRig.Send(client, Line(Delta(seq++, frame, new Unit(1, 0, frame, 2, 3))));
            rig.Tick(3, frame);
        }

        rig.Server.Stop();
        return (
            rig.Server.Recording.StreamHash,
            rig.Server.Recording.TimedStreamHash,
            rig.Server.Oracle.Stats.TotalViolations);
    }

    [Fact]
    public void Same_seed_and_schedule_give_the_identical_received_stream()
    {
        var first = Run(42);
        var second = Run(42);

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first.Bytes);
    }

    [Fact]
    public void Another_seed_changes_the_timing_of_the_stream()
    {
        Assert.NotEqual(Run(42).Timed, Run(43).Timed);
    }
}
