namespace BarHarness.TestServer.Faults;

/// <summary>
/// Toxiproxy's latency: data is delivered <see cref="Latency"/> ms late, ± <see cref="Jitter"/> ms (uniform), order
/// kept.
/// </summary>
public sealed record LatencyFault(double Latency, double Jitter) : Fault
{
    public static FaultSchema Schema { get; } = FaultSchema.Window(
        "latency",
        v => new LatencyFault(v["latency"], v["jitter"]),
        new FaultParameter("latency", FaultUnit.Milliseconds, 0, 600_000),
        new FaultParameter("jitter", FaultUnit.Milliseconds, 0, 600_000, 0));

    protected override void ApplyTo(ConnectionLever connection, FaultContext context)
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
