namespace BarHarness.TestServer.Faults;

/// <summary>Toxiproxy's reset_peer: each connection is reset (RST) <see cref="Timeout"/> ms after the fault reaches it (0 = at once).</summary>
[FaultName("reset_peer")]
public sealed record ResetPeerFault(double Timeout = 0) : Fault
{
    public override void Apply(FaultContext context)
    {
        foreach (var connection in context.Connections)
        {
            if (context.ElapsedFor(connection) >= MillisToMicros(Timeout))
            {
                connection.Reset();
            }
        }
    }
}
