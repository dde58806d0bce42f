namespace BarHarness.TestServer.Faults;

/// <summary>
/// The server process restarts: listener and connections close, the listener comes back <see cref="Delay"/> ms later.
/// </summary>
public sealed record RestartFault(double Delay) : Fault
{
    /// <summary>Scenario files give the delay in seconds (<c>delay_s</c>); Toxiproxy has no restart.</summary>
    public static FaultSchema Schema { get; } = FaultSchema.Instant(
        "restart",
        v => new RestartFault(v["delay"]),
        new FaultParameter("delay", FaultUnit.Milliseconds, 0, 3_600_000, 1000, FaultUnit.Seconds));

    public override long NaturalDurationMicros => MillisToMicros(Delay);

    protected override void ApplyToListener(FaultContext context)
    {
        if (context.NowMicros - context.ActiveSinceMicros < MillisToMicros(Delay))
        {
            context.Listener?.Refuse();
        }
    }

    protected override void ApplyTo(ConnectionLever connection, FaultContext context)
    {
        if (connection.AcceptedAtMicros <= context.ActiveSinceMicros)
        {
            connection.Close();
        }
    }
}
