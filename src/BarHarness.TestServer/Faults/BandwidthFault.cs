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

    /// <summary>
    /// Idle time earns at most this much credit: Toxiproxy paces each chunk, so no burst after a pause.
    /// </summary>
    private const double MaxCreditSeconds = 0.1;

    protected override void ApplyTo(ConnectionLever connection, FaultContext context)
    {
        var progress = connection.State<Progress>();
        var moved = BytesMoved(connection);
        var bytesPerSecond = Rate * 1000.0;
        if (progress.LastMicros is { } last)
        {
            progress.Credit -= moved - progress.LastMoved;
            var earned = bytesPerSecond * (context.NowMicros - last) / 1_000_000.0;
            progress.Credit = Math.Min(progress.Credit + earned, Math.Max(1, bytesPerSecond * MaxCreditSeconds));
        }

        progress.LastMicros = context.NowMicros;
        progress.LastMoved = moved;
        var budget = (long)Math.Floor(progress.Credit);
        LimitMoved(connection, budget);
    }

    private sealed class Progress
    {
        public long? LastMicros { get; set; }

        public long LastMoved { get; set; }

        public double Credit { get; set; }
    }
}
