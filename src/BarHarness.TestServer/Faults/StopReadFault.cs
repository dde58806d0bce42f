namespace BarHarness.TestServer.Faults;

/// <summary>
/// The server reads nothing: its receive buffer and then the widget's send buffer fill, and the widget's sends return
/// nil, "timeout", k.
/// </summary>
public sealed record StopReadFault : Fault
{
    /// <summary>A window; Toxiproxy has no toxic that stops reading (it always reads).</summary>
    public static FaultSchema Schema { get; } =
        FaultSchema.Window("stop_read", _ => new StopReadFault()) with { IsToxiproxyToxic = false };

    protected override void ApplyTo(ConnectionLever connection, FaultContext context)
    {
        connection.LimitRead(0);
    }
}
