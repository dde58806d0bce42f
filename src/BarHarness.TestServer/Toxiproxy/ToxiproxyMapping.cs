using BarHarness.TestServer.Faults;

namespace BarHarness.TestServer.Toxiproxy;

/// <summary>What one of our faults becomes in Toxiproxy.</summary>
public abstract record ToxiproxyMapping
{
    /// <summary>A toxic of the same name and attributes.</summary>
    public sealed record Toxic(string Type, IReadOnlyDictionary<string, long> Attributes) : ToxiproxyMapping;

    /// <summary>"down": the proxy is disabled (POST /proxies/{p} enabled=false), not a toxic.</summary>
    public sealed record DisableProxy : ToxiproxyMapping;

    /// <summary>Toxiproxy cannot express this fault; <see cref="Reason"/> says why.</summary>
    public sealed record Unsupported(string Reason) : ToxiproxyMapping;

    /// <summary>Our fault names and what Toxiproxy can do with each.</summary>
    public static ToxiproxyMapping For(Fault fault) => fault switch
    {
        DownFault => new DisableProxy(),
        LatencyFault f => new Toxic("latency", Attrs(("latency", f.Latency), ("jitter", f.Jitter))),
        BandwidthFault f => new Toxic("bandwidth", Attrs(("rate", f.Rate))),
        SlowCloseFault f => new Toxic("slow_close", Attrs(("delay", f.Delay))),
        TimeoutFault f => new Toxic("timeout", Attrs(("timeout", f.Timeout))),
        ResetPeerFault f => new Toxic("reset_peer", Attrs(("timeout", f.Timeout))),
        SlicerFault f => new Toxic("slicer", Attrs(("average_size", f.AverageSize), ("size_variation", f.SizeVariation), ("delay", f.Delay))),
        LimitDataFault f => new Toxic("limit_data", Attrs(("bytes", f.Bytes))),
        StopReadFault => new Unsupported("Toxiproxy keeps reading from the client (its timeout toxic drops data instead), so the widget's send buffer never fills"),
        GarbageFault => new Unsupported("Toxiproxy forwards bytes but never invents them"),
        RestartFault => new Unsupported("Toxiproxy cannot stop and restart the upstream server; disable/enable the proxy ('down') is the nearest"),
        DisconnectFault => new Unsupported("Toxiproxy has no one-shot FIN of open connections"),
        _ => new Unsupported($"no Toxiproxy equivalent for '{fault.Name}'"),
    };

    /// <summary>Names of our faults Toxiproxy cannot express, for documentation and `--toxiproxy` warnings.</summary>
    public static IReadOnlyList<string> UnsupportedFaultNames(FaultCatalog? catalog = null) =>
        (catalog ?? FaultCatalog.Default).Names
            .Where(name => For((catalog ?? FaultCatalog.Default).Create(name, new Dictionary<string, object?>())) is Unsupported)
            .ToArray();

    private static IReadOnlyDictionary<string, long> Attrs(params (string Name, double Value)[] attributes) =>
        attributes.ToDictionary(a => a.Name, a => (long)Math.Round(a.Value), StringComparer.Ordinal);
}
