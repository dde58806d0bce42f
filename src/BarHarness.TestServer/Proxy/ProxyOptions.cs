namespace BarHarness.TestServer.Proxy;

/// <summary>One proxy: a name (Toxiproxy's key), where the widget connects, the consumer to forward to.</summary>
public sealed record ProxyOptions(string Name, NetEndpoint Upstream)
{
    /// <summary>The listener, recording, fault file and oracle settings, as for <c>serve</c>.</summary>
    public ServeOptions Serve { get; init; } = new();

    /// <summary>
    /// Bytes one side may queue before the proxy stops reading the other: a slow consumer holds the
    /// widget back, as a direct connection would.
    /// </summary>
    public int MaxQueuedBytes { get; init; } = 1024 * 1024;
}
