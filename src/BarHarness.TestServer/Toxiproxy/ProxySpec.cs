using System.Text.Json.Serialization;

namespace BarHarness.TestServer.Toxiproxy;

/// <summary>A Toxiproxy proxy: listens at <see cref="Listen"/>, forwards to <see cref="Upstream"/> ("host:port").</summary>
public sealed record ProxySpec(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("listen")] string Listen,
    [property: JsonPropertyName("upstream")] string Upstream,
    [property: JsonPropertyName("enabled")] bool Enabled = true);
