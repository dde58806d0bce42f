namespace BarHarness.TestServer.Faults;

/// <summary>
/// Toxiproxy's limit_data: the connection is closed once <see cref="Bytes"/> bytes have passed (counted from the
/// fault's start).
/// </summary>
public sealed record LimitDataFault(long Bytes) : Fault
{
    public static FaultSchema Schema { get; } = FaultSchema.Window(
        "limit_data",
        v => new LimitDataFault((long)v["bytes"]),
        new FaultParameter("bytes", FaultUnit.Count, 0, int.MaxValue));

    protected override void ApplyTo(ConnectionLever connection, FaultContext context)
    {
        var start = connection.State<StartMark>();
        var moved = BytesMoved(connection);
        start.Bytes ??= moved;
        var left = Bytes - (moved - start.Bytes.Value);
        if (left <= 0)
        {
            connection.Close();
        }

        LimitMoved(connection, left);
    }

    private sealed class StartMark
    {
        public long? Bytes { get; set; }
    }
}
