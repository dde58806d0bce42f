namespace BarHarness.TestServer.Faults;

/// <summary>
/// Toxiproxy's slow_close: any close of a connection (the server's answer to the widget's FIN, or another fault's)
/// waits <see cref="Delay"/> ms.
/// </summary>
public sealed record SlowCloseFault(double Delay) : Fault
{
    public static FaultSchema Schema { get; } = FaultSchema.Window(
        "slow_close",
        v => new SlowCloseFault(v["delay"]),
        new FaultParameter("delay", FaultUnit.Milliseconds, 0, 600_000));

    protected override void ApplyTo(ConnectionLever connection, FaultContext context)
    {
        connection.DelayClose(MillisToMicros(Delay));
    }
}
