namespace BarHarness.TestServer.Faults;

/// <summary>
/// The server talks back: every <see cref="Interval"/> ms it writes one newline-terminated JSON line of
/// about <see cref="Bytes"/> bytes to each connection, as a dashboard sending pings or commands does. A
/// widget that never reads fills its receive buffer; on Linux its close then becomes a reset, and what it
/// sent last may be lost with it.
/// </summary>
public sealed record ChatterFault(double Interval, int Bytes) : Fault
{
    public static FaultSchema Schema { get; } = new(
        "chatter",
        IsInstant: false,
        IsToxiproxyToxic: false,
        [
            new FaultParameter("interval", FaultUnit.Milliseconds, 1, 600_000, 1000),
            new FaultParameter("bytes", FaultUnit.Count, 16, 1 << 20, 64),
        ],
        v => new ChatterFault(v["interval"], (int)v["bytes"]));

    protected override FaultStream DefaultStream => FaultStream.Downstream;

    protected override void ApplyTo(ConnectionLever connection, FaultContext context)
    {
        var interval = Math.Max(1, MillisToMicros(Interval));
        var due = context.ElapsedFor(connection) / interval;
        var sent = connection.State<LinesSent>();
        while (sent.Lines <= due)
        {
            connection.Write(Line(sent.Lines++));
        }
    }

    private byte[] Line(long n)
    {
        var head = $"{{\"type\":\"ping\",\"n\":{n},\"pad\":\"";
        const string Tail = "\"}\n";
        var pad = Math.Max(0, Bytes - head.Length - Tail.Length);
        return System.Text.Encoding.ASCII.GetBytes(head + new string('.', pad) + Tail);
    }

    private sealed class LinesSent
    {
        public long Lines { get; set; }
    }
}
