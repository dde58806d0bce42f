namespace BarHarness.TestServer.Faults;

/// <summary>Toxiproxy's slow_close: any close of a connection (the server's answer to the widget's FIN, or another fault's) waits <see cref="Delay"/> ms.</summary>
[FaultName("slow_close")]
public sealed record SlowCloseFault(double Delay = 0) : Fault
{
    public override void Apply(FaultContext context)
    {
        foreach (var connection in context.Connections)
        {
            connection.DelayClose(MillisToMicros(Delay));
        }
    }
}
