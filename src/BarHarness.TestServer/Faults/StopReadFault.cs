namespace BarHarness.TestServer.Faults;

/// <summary>The server reads nothing: its receive buffer and then the widget's send buffer fill, and the widget's sends return nil, "timeout", k.</summary>
[FaultName("stop_read")]
public sealed record StopReadFault : Fault
{
    public override void Apply(FaultContext context)
    {
        foreach (var connection in context.Connections)
        {
            connection.LimitRead(0);
        }
    }
}
