namespace BarHarness.TestServer.Proxy;

/// <summary>
/// A toxic as Toxiproxy's API shows it: a named, typed fault on one stream of a proxy, with its
/// toxicity and attributes (the fault's parameters in its own units, defaults filled in).
/// </summary>
public sealed record Toxic(
    string Name,
    string Type,
    FaultStream Stream,
    double Toxicity,
    IReadOnlyDictionary<string, double> Attributes)
{
    public string StreamName => Stream == FaultStream.Upstream ? "upstream" : "downstream";

    /// <summary>The built-in fault this toxic applies.</summary>
    public Fault ToFault() =>
        FaultCatalog.Default.Get(Type).Create(Attributes) with { Toxicity = Toxicity, Stream = Stream };
}
