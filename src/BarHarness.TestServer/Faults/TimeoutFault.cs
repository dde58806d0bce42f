namespace BarHarness.TestServer.Faults;

/// <summary>
/// Toxiproxy's timeout: data stops (the server neither reads nor answers: a half-open peer), and the
/// connection is closed <see cref="Timeout"/> ms later; 0 = never, until the fault ends.
/// </summary>
public sealed record TimeoutFault(double Timeout) : Fault
{
    public static FaultSchema Schema { get; } = FaultSchema.Window(
        "timeout",
        v => new TimeoutFault(v["timeout"]),
        new FaultParameter("timeout", FaultUnit.Milliseconds, 0, 600_000, 0));

    protected override void ApplyTo(ConnectionLever connection, FaultContext context)
    {
        connection.LimitRead(0);
        connection.LimitWrite(0);
        if (Timeout > 0 && context.ElapsedFor(connection) >= MillisToMicros(Timeout))
        {
            connection.Close();
        }
    }
}
