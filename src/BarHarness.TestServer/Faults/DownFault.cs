namespace BarHarness.TestServer.Faults;

/// <summary>The server is gone: connects are refused and open connections are closed, as when Toxiproxy disables a proxy.</summary>
[FaultName("down")]
public sealed record DownFault : Fault
{
    public override void Apply(FaultContext context)
    {
        context.Listener?.Refuse();
        foreach (var connection in context.Connections)
        {
            connection.Close();
        }
    }
}
