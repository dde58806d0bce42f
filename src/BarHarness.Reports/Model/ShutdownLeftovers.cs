namespace BarHarness.Reports.Model;

/// <summary>What the widget left behind after its Shutdown call-in returned.</summary>
/// <param name="OpenSockets">Sockets still open, e.g. <c>tcp 127.0.0.1:9100 (connected)</c>.</param>
/// <param name="Actions">Actions or text commands still registered.</param>
public sealed record ShutdownLeftovers(IReadOnlyList<string> OpenSockets, IReadOnlyList<string> Actions)
{
    public static ShutdownLeftovers None { get; } = new([], []);
}
