namespace BarHarness.TestServer.Faults;

/// <summary>
/// The server closes connections gracefully (FIN). As an event it hits the connections open at that moment; held over a
/// window it also closes every new one.
/// </summary>
public sealed record DisconnectFault : Fault
{
    public static FaultSchema Schema { get; } = FaultSchema.Instant("disconnect", _ => new DisconnectFault());

    protected override void ApplyTo(ConnectionLever connection, FaultContext context)
    {
        connection.Close();
    }
}
