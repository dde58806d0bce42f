namespace BarHarness.TestServer.Faults;

/// <summary>
/// Toxiproxy's bandwidth: at most <see cref="Rate"/> KB/s (1 KB = 1000 bytes here) in the chosen
/// direction. Upstream, the server reads slowly, so the widget's send buffer fills up behind it.
/// </summary>
public sealed record BandwidthFault(double Rate) : Fault
{
    public static FaultSchema Schema { get; } = FaultSchema.Window(
        "bandwidth",
        v => new BandwidthFault(v["rate"]),
        new FaultParameter("rate", FaultUnit.KilobytesPerSecond, 0.001, 10_000_000));

    public override void Apply(FaultContext context)
    {
        foreach (var connection in context.Connections)
        {
            var progress = connection.State<Progress>();
            var moved = Stream == FaultStream.Upstream ? connection.BytesRead : connection.BytesWritten;
            if (progress.StartBytes is null)
            {
                progress.StartBytes = moved;
            }

            var allowed = (long)(Rate * 1000.0 * context.ElapsedFor(connection) / 1_000_000.0);
            var budget = allowed - (moved - progress.StartBytes.Value);
            if (Stream == FaultStream.Upstream)
            {
                connection.LimitRead(budget);
            }
            else
            {
                connection.LimitWrite(budget);
            }
        }
    }

    private sealed class Progress
    {
        public long? StartBytes { get; set; }
    }
}
