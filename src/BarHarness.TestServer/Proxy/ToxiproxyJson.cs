namespace BarHarness.TestServer.Proxy;

/// <summary>Toxiproxy's response shapes: proxies with their toxics, toxics, errors, the version.</summary>
public static class ToxiproxyJson
{
    /// <summary>What <c>/version</c> answers (Toxiproxy's shape; our own name, not a Toxiproxy version).</summary>
    public const string VersionText = "barharness-proxy 1 (Toxiproxy API 2.x)";

    public static byte[] Version() => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("version", VersionText);
        w.WriteEndObject();
    });

    public static byte[] Error(string message, int status) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("error", message);
        w.WriteNumber("status", status);
        w.WriteEndObject();
    });

    public static byte[] Proxy(ManagedProxy proxy) => Json(w => WriteProxy(w, proxy));

    public static byte[] ProxyMap(IEnumerable<ManagedProxy> proxies) => Json(w =>
    {
        w.WriteStartObject();
        foreach (var proxy in proxies)
        {
            w.WritePropertyName(proxy.Name);
            WriteProxy(w, proxy);
        }

        w.WriteEndObject();
    });

    public static byte[] Populated(IEnumerable<ManagedProxy> proxies) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("proxies");
        foreach (var proxy in proxies)
        {
            WriteProxy(w, proxy);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] Toxic(Toxic toxic) => Json(w => WriteToxic(w, toxic));

    public static byte[] Toxics(IEnumerable<Toxic> toxics) => Json(w =>
    {
        w.WriteStartArray();
        foreach (var toxic in toxics)
        {
            WriteToxic(w, toxic);
        }

        w.WriteEndArray();
    });

    private static void WriteProxy(Utf8JsonWriter w, ManagedProxy proxy)
    {
        w.WriteStartObject();
        w.WriteString("name", proxy.Name);
        w.WriteString("listen", proxy.Listen);
        w.WriteString("upstream", proxy.Upstream);
        w.WriteBoolean("enabled", proxy.Enabled);
        w.WriteStartArray("toxics");
        foreach (var toxic in proxy.Toxics)
        {
            WriteToxic(w, toxic);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteToxic(Utf8JsonWriter w, Toxic toxic)
    {
        w.WriteStartObject();
        w.WriteStartObject("attributes");
        foreach (var (name, value) in toxic.Attributes)
        {
            if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
            {
                w.WriteNumber(name, (long)value);
            }
            else
            {
                w.WriteNumber(name, value);
            }
        }

        w.WriteEndObject();
        w.WriteString("name", toxic.Name);
        w.WriteString("type", toxic.Type);
        w.WriteString("stream", toxic.StreamName);
        w.WriteNumber("toxicity", toxic.Toxicity);
        w.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}
