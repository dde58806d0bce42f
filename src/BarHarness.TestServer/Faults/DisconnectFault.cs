namespace BarHarness.TestServer.Faults;

/// <summary>The server closes connections gracefully (FIN). As an event it hits the connections open at that moment; held over a window it also closes every new one.</summary>
[FaultName("disconnect")]
public sealed record DisconnectFault : Fault
{
    public override void Apply(FaultContext context)
    {
        foreach (var connection in context.Connections)
        {
            connection.Close();
        }
    }
}
