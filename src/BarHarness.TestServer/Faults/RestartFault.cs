namespace BarHarness.TestServer.Faults;

/// <summary>The server process restarts: listener and connections close, the listener comes back <see cref="Delay"/> ms later.</summary>
[FaultName("restart")]
public sealed record RestartFault(double Delay = 1000) : Fault
{
    public override long NaturalDurationMicros => MillisToMicros(Delay);

    public override void Apply(FaultContext context)
    {
        if (context.NowMicros - context.ActiveSinceMicros < MillisToMicros(Delay))
        {
            context.Listener?.Refuse();
        }

        foreach (var connection in context.Connections)
        {
            if (connection.AcceptedAtMicros <= context.ActiveSinceMicros)
            {
                connection.Close();
            }
        }
    }
}
