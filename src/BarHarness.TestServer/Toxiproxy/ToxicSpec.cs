using System.Text.Json.Serialization;

namespace BarHarness.TestServer.Toxiproxy;

/// <summary>A toxic as Toxiproxy's API takes it: name, type, stream (upstream/downstream), toxicity, attributes.</summary>
public sealed record ToxicSpec(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("stream")] string Stream,
    [property: JsonPropertyName("toxicity")] double Toxicity,
    [property: JsonPropertyName("attributes")] IReadOnlyDictionary<string, long> Attributes);
