namespace BarHarness.TestServer.Faults;

/// <summary>
/// Toxiproxy's reset_peer: each connection is reset (RST) <see cref="Timeout"/> ms after the fault reaches it (0 = at
/// once).
/// </summary>
public sealed record ResetPeerFault(double Timeout) : Fault
{
    public static FaultSchema Schema { get; } = FaultSchema.Window(
        "reset_peer",
        v => new ResetPeerFault(v["timeout"]),
        new FaultParameter("timeout", FaultUnit.Milliseconds, 0, 600_000, 0));

    protected override void ApplyTo(ConnectionLever connection, FaultContext context)
    {
        if (context.ElapsedFor(connection) >= MillisToMicros(Timeout))
        {
            connection.Reset();
        }
    }
}
