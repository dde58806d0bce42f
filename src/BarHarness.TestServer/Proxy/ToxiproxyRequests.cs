namespace BarHarness.TestServer.Proxy;

/// <summary>A proxy as a create or populate request gives it.</summary>
public sealed record ProxyRequest(string Name, string Listen, string Upstream, bool Enabled);

/// <summary>The fields a proxy update may change; null = unchanged.</summary>
public sealed record ProxyChange(string? Listen, string? Upstream, bool? Enabled);

/// <summary>A toxic as a create request gives it; null = Toxiproxy's default.</summary>
public sealed record ToxicRequest(
    string? Name,
    string Type,
    string? Stream,
    double? Toxicity,
    IReadOnlyDictionary<string, double> Attributes);

/// <summary>The fields a toxic update may change.</summary>
public sealed record ToxicChange(double? Toxicity, IReadOnlyDictionary<string, double> Attributes);

/// <summary>
/// Reads Toxiproxy's request bodies. A field this proxy does not know is refused by name rather than
/// ignored, so a script never believes a setting took effect when it did not.
/// </summary>
public static class ToxiproxyRequests
{
    private static readonly string[] ProxyFields = ["name", "listen", "upstream", "enabled"];
    private static readonly string[] ToxicFields = ["name", "type", "stream", "toxicity", "attributes"];

    public static ProxyRequest Proxy(JsonElement body)
    {
        Fields(body, ProxyFields, "proxy");
        var name = Text(body, "name") is { Length: > 0 } n ? n : throw MissingField("name");
        var upstream = Text(body, "upstream") is { Length: > 0 } u ? u : throw MissingField("upstream");
        return new ProxyRequest(name, Text(body, "listen") ?? "127.0.0.1:0", upstream, Bool(body, "enabled") ?? true);
    }

    public static IReadOnlyList<ProxyRequest> ProxyList(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            throw ToxiproxyApiException.BadRequest("bad request body: populate takes a JSON array of proxies");
        }

        // Toxiproxy's populate enables every proxy it creates.
        return body.EnumerateArray().Select(p => Proxy(p) with { Enabled = true }).ToArray();
    }

    public static ProxyChange ProxyChange(JsonElement body)
    {
        Fields(body, ProxyFields, "proxy");
        return new ProxyChange(Text(body, "listen"), Text(body, "upstream"), Bool(body, "enabled"));
    }

    public static ToxicRequest NewToxic(JsonElement body)
    {
        Fields(body, ToxicFields, "toxic");
        var type = Text(body, "type") is { Length: > 0 } t ? t : throw MissingField("type");
        var name = Text(body, "name") is { Length: > 0 } n ? n : null;
        return new ToxicRequest(name, type, Text(body, "stream"), Number(body, "toxicity"), Attributes(body));
    }

    public static ToxicChange ToxicChange(JsonElement body)
    {
        Fields(body, ToxicFields, "toxic");
        return new ToxicChange(Number(body, "toxicity"), Attributes(body));
    }

    private static void Fields(JsonElement body, string[] known, string what)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ToxiproxyApiException.BadRequest($"bad request body: a {what} is a JSON object");
        }

        foreach (var property in body.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw ToxiproxyApiException.BadRequest(
                    $"unsupported {what} field '{property.Name}' (known: {string.Join(", ", known)})");
            }
        }
    }

    private static IReadOnlyDictionary<string, double> Attributes(JsonElement body)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!body.TryGetProperty("attributes", out var attributes) || attributes.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (attributes.ValueKind != JsonValueKind.Object)
        {
            throw ToxiproxyApiException.BadRequest("bad request body: 'attributes' is a JSON object");
        }

        foreach (var property in attributes.EnumerateObject())
        {
            result[property.Name] = property.Value.ValueKind == JsonValueKind.Number
                ? property.Value.GetDouble()
                : throw ToxiproxyApiException.BadRequest(
                    $"attribute '{property.Name}' is {property.Value.GetRawText()}: expected a number");
        }

        return result;
    }

    private static string? Text(JsonElement body, string field) =>
        body.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongType(field, "a string")
            : null;

    private static bool? Bool(JsonElement body, string field) =>
        body.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? value.GetBoolean()
                : throw WrongType(field, "true or false")
            : null;

    private static double? Number(JsonElement body, string field) =>
        body.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw WrongType(field, "a number")
            : null;

    private static ToxiproxyApiException MissingField(string field) =>
        ToxiproxyApiException.BadRequest($"missing required field: {field}");

    private static ToxiproxyApiException WrongType(string field, string expected) =>
        ToxiproxyApiException.BadRequest($"bad request body: '{field}' must be {expected}");
}
