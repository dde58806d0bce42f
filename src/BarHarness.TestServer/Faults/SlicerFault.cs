namespace BarHarness.TestServer.Faults;

/// <summary>
/// Toxiproxy's slicer: data moves in pieces of <see cref="AverageSize"/> ± <see cref="SizeVariation"/>
/// bytes with <see cref="Delay"/> µs between pieces. Upstream, the server reads piece by piece.
/// </summary>
public sealed record SlicerFault(int AverageSize, int SizeVariation, double Delay) : Fault
{
    public static FaultSchema Schema { get; } = FaultSchema.Window(
        "slicer",
        v => new SlicerFault((int)v["average_size"], (int)v["size_variation"], v["delay"]),
        new FaultParameter("average_size", FaultUnit.Count, 1, 1 << 20),
        new FaultParameter("size_variation", FaultUnit.Count, 0, 1 << 20, 0),
        new FaultParameter("delay", FaultUnit.Microseconds, 0, 60_000_000, 0));

    protected override void ApplyTo(ConnectionLever connection, FaultContext context)
    {
        var slice = connection.State<Slice>();
        var moved = BytesMoved(connection);
        if (slice.Size == 0 || moved - slice.StartBytes >= slice.Size)
        {
            slice.StartBytes = moved;
            var variation = SizeVariation > 0 ? context.Random.Next(-SizeVariation, SizeVariation + 1) : 0;
            slice.Size = Math.Max(1, AverageSize + variation);
            slice.NotBeforeMicros = slice.First ? context.NowMicros : context.NowMicros + (long)Delay;
            slice.First = false;
        }

        var budget = context.NowMicros < slice.NotBeforeMicros ? 0 : slice.Size - (moved - slice.StartBytes);
        if (Stream == FaultStream.Upstream)
        {
            // With no delay several slices may pass in one tick; the chunk size keeps them apart.
            connection.LimitReadChunk(slice.Size);
            connection.LimitRead(Delay > 0 ? budget : long.MaxValue);
        }
        else
        {
            connection.LimitWrite(budget);
        }
    }

    private sealed class Slice
    {
        public bool First { get; set; } = true;

        public long StartBytes { get; set; }

        public int Size { get; set; }

        public long NotBeforeMicros { get; set; }
    }
}
