namespace BarHarness.TestServer.Faults;

/// <summary>
/// Toxiproxy's timeout: data stops (the server neither reads nor answers: a half-open peer), and the
/// connection is closed <see cref="Timeout"/> ms later; 0 = never, until the fault ends.
/// </summary>
[FaultName("timeout")]
public sealed record TimeoutFault(double Timeout = 0) : Fault
{
    public override void Apply(FaultContext context)
    {
        foreach (var connection in context.Connections)
        {
            connection.LimitRead(0);
            connection.LimitWrite(0);
            if (Timeout > 0 && context.ElapsedFor(connection) >= MillisToMicros(Timeout))
            {
                connection.Close();
            }
        }
    }
}
