namespace BarHarness.TestServer.Faults;

/// <summary>Toxiproxy's latency: data is delivered <see cref="Latency"/> ms late, ± <see cref="Jitter"/> ms (uniform), order kept.</summary>
[FaultName("latency")]
public sealed record LatencyFault(double Latency = 0, double Jitter = 0) : Fault
{
    public override void Apply(FaultContext context)
    {
        foreach (var connection in context.Connections)
        {
            var delay = MillisToMicros(Latency + (Jitter > 0 ? context.Random.NextDouble(-Jitter, Jitter) : 0));
            if (Stream == FaultStream.Upstream)
            {
                connection.DelayArrival(delay);
            }
            else
            {
                connection.DelayWrite(delay);
            }
        }
    }
}
