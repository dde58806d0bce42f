using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace BarHarness.TestServer.Toxiproxy;

/// <summary>
/// A client for Toxiproxy's HTTP API (default port 8474): proxies, toxics, reset, version. Status
/// codes as Toxiproxy documents them: 201 for a created proxy, 200 for a created or updated toxic or
/// proxy update, 204 for deletes and reset, 404 for an unknown name, 409 for a name taken.
/// </summary>
public sealed class ToxiproxyClient(HttpClient http)
{
    public const string DefaultAddress = "http://127.0.0.1:8474";

    public static ToxiproxyClient Create(string baseAddress = DefaultAddress, TimeSpan? timeout = null) =>
        new(new HttpClient { BaseAddress = new Uri(baseAddress.TrimEnd('/') + "/"), Timeout = timeout ?? TimeSpan.FromSeconds(5) });

    public async Task<string> GetVersionAsync(CancellationToken cancel = default)
    {
        using var response = await Send(HttpMethod.Get, "version", null, cancel);
        await Expect(response, "version", cancel, HttpStatusCode.OK);
        var text = (await response.Content.ReadAsStringAsync(cancel)).Trim();
        // Toxiproxy 2.x answers a bare string (older) or {"version": "..."} (newer).
        if (text.StartsWith('{'))
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("version", out var v) ? v.GetString() ?? text : text;
        }

        return text.Trim('"');
    }

    /// <summary>POST /proxies: 201 Created; 409 when a proxy of that name exists.</summary>
    public async Task CreateProxyAsync(ProxySpec proxy, CancellationToken cancel = default)
    {
        using var response = await Send(HttpMethod.Post, "proxies", proxy, cancel);
        await Expect(response, $"create proxy '{proxy.Name}'", cancel, HttpStatusCode.Created);
    }

    /// <summary>POST /proxies/{name} {"enabled": ...}: disabling a proxy is Toxiproxy's "down".</summary>
    public async Task SetProxyEnabledAsync(string proxy, bool enabled, CancellationToken cancel = default)
    {
        using var response = await Send(HttpMethod.Post, $"proxies/{Escape(proxy)}", new Dictionary<string, bool> { ["enabled"] = enabled }, cancel);
        await Expect(response, $"{(enabled ? "enable" : "disable")} proxy '{proxy}'", cancel, HttpStatusCode.OK);
    }

    /// <summary>DELETE /proxies/{name}: 204.</summary>
    public async Task DeleteProxyAsync(string proxy, CancellationToken cancel = default)
    {
        using var response = await Send(HttpMethod.Delete, $"proxies/{Escape(proxy)}", null, cancel);
        await Expect(response, $"delete proxy '{proxy}'", cancel, HttpStatusCode.NoContent);
    }

    /// <summary>POST /proxies/{name}/toxics: 200 (some versions and stand-ins say 201); 409 when the toxic name is taken.</summary>
    public async Task AddToxicAsync(string proxy, ToxicSpec toxic, CancellationToken cancel = default)
    {
        using var response = await Send(HttpMethod.Post, $"proxies/{Escape(proxy)}/toxics", toxic, cancel);
        await Expect(response, $"add toxic '{toxic.Name}' to '{proxy}'", cancel, HttpStatusCode.OK, HttpStatusCode.Created);
    }

    /// <summary>DELETE /proxies/{name}/toxics/{toxic}: 204.</summary>
    public async Task RemoveToxicAsync(string proxy, string toxic, CancellationToken cancel = default)
    {
        using var response = await Send(HttpMethod.Delete, $"proxies/{Escape(proxy)}/toxics/{Escape(toxic)}", null, cancel);
        await Expect(response, $"remove toxic '{toxic}' from '{proxy}'", cancel, HttpStatusCode.NoContent);
    }

    /// <summary>POST /reset: every proxy enabled, every toxic removed; 204.</summary>
    public async Task ResetAsync(CancellationToken cancel = default)
    {
        using var response = await Send(HttpMethod.Post, "reset", null, cancel);
        await Expect(response, "reset", cancel, HttpStatusCode.NoContent);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType());
        }

        try
        {
            return await http.SendAsync(request, cancel);
        }
        catch (HttpRequestException ex)
        {
            throw new ToxiproxyException($"{method} /{path}", null, $"cannot reach {http.BaseAddress}: {ex.Message}");
        }
        catch (TaskCanceledException ex) when (!cancel.IsCancellationRequested)
        {
            throw new ToxiproxyException($"{method} /{path}", null, $"no answer from {http.BaseAddress} within {http.Timeout.TotalSeconds:0.#} s ({ex.Message})");
        }
    }

    private static async Task Expect(HttpResponseMessage response, string operation, CancellationToken cancel, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(response.StatusCode))
        {
            var body = await response.Content.ReadAsStringAsync(cancel);
            throw new ToxiproxyException(operation, response.StatusCode, string.IsNullOrWhiteSpace(body) ? "(empty body)" : body.Trim());
        }
    }

    private static string Escape(string name) => Uri.EscapeDataString(name);
}
