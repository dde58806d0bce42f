namespace BarHarness.TestServer.Faults;

/// <summary>
/// The server writes <see cref="Bytes"/> junk bytes to each connection (once per activation),
/// broken into lines of <see cref="LineLength"/> bytes: random bytes (invalid UTF-8 included) and
/// lines far longer than any sane reply, for a widget that reads what its peer sends.
/// </summary>
public sealed record GarbageFault(int Bytes, int LineLength) : Fault
{
    public static FaultSchema Schema { get; } = FaultSchema.Instant(
        "garbage",
        v => new GarbageFault((int)v["bytes"], (int)v["line_length"]),
        new FaultParameter("bytes", FaultUnit.Count, 1, 16 << 20),
        new FaultParameter("line_length", FaultUnit.Count, 0, 1 << 20, 80));

    protected override FaultStream DefaultStream => FaultStream.Downstream;

    protected override void ApplyTo(ConnectionLever connection, FaultContext context)
    {
        var sent = connection.State<Sent>();
        if (sent.Done)
        {
            return;
        }

        sent.Done = true;
        var junk = new byte[Math.Max(0, Bytes)];
        for (var i = 0; i < junk.Length; i++)
        {
            var isLineEnd = LineLength > 0 && (i + 1) % (LineLength + 1) == 0;
            junk[i] = isLineEnd ? (byte)'\n' : JunkByte(context);
        }

        connection.Write(junk);
    }

    private static byte JunkByte(FaultContext context)
    {
        var b = (byte)context.Random.Next(0, 256);
        return b == (byte)'\n' ? (byte)0xFF : b;
    }

    private sealed class Sent
    {
        public bool Done { get; set; }
    }
}
