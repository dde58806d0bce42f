namespace BarHarness.TestServer.Tests.Faults;

public class BandwidthFaultTests
{
    [Fact]
    public void A_second_of_idle_time_earns_no_burst_beyond_a_tenth_of_a_second_of_rate()
    {
        // 10 KB/s = 10 bytes per ms; a second of idle would have let 10000 bytes through at once.
        var schedule = new FaultSchedule([new ScheduledFault(new BandwidthFault(10), 0, 100_000_000)]);
        using var rig = new ServerRig(schedule, buffers: new Core.Transport.SocketBuffers(64 * 1024, 64 * 1024));
        var client = rig.Connect();
        rig.RunUntil(rig.Now + 1_000_000);
        var start = rig.Now;
        ServerRig.Send(client, Enumerable.Repeat((byte)'a', 5000).ToArray());
        rig.RunUntil(start + 50_000);

        Assert.InRange(rig.Server.Counters.BytesRead, 1000, 1000 + 500 + 20);
    }
}
