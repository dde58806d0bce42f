namespace BarHarness.TestServer.Faults;

/// <summary>
/// The server is gone: connects are refused and open connections are closed, as when Toxiproxy disables a proxy.
/// </summary>
public sealed record DownFault : Fault
{
    /// <summary>A window; in Toxiproxy it is a disabled proxy, not a toxic.</summary>
    public static FaultSchema Schema { get; } =
        FaultSchema.Window("down", _ => new DownFault()) with { IsToxiproxyToxic = false };

    protected override void ApplyToListener(FaultContext context)
    {
        context.Listener?.Refuse();
    }

    protected override void ApplyTo(ConnectionLever connection, FaultContext context)
    {
        connection.Close();
    }
}
