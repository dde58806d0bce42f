using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BarHarness.TestServer.Tests.Toxiproxy;

/// <summary>
/// A local stand-in for Toxiproxy's HTTP API, written from its README: checks every request's
/// method, path and JSON body, keeps proxies and toxics, and answers with the documented codes
/// (201 proxy created, 200 toxic created / proxy updated, 204 deletes and reset, 400 bad body,
/// 404 unknown, 409 name taken). Anything it did not like lands in <see cref="Problems"/>.
/// </summary>
internal sealed class ToxiproxyStandIn : IDisposable
{
    private static readonly Dictionary<string, string[]> ToxicAttributes = new()
    {
        ["latency"] = ["latency", "jitter"],
        ["bandwidth"] = ["rate"],
        ["slow_close"] = ["delay"],
        ["timeout"] = ["timeout"],
        ["reset_peer"] = ["timeout"],
        ["slicer"] = ["average_size", "size_variation", "delay"],
        ["limit_data"] = ["bytes"],
    };

    private readonly HttpListener _http = new();
    private readonly Task _loop;
    private readonly object _gate = new();

    public ToxiproxyStandIn()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseAddress = $"http://127.0.0.1:{port}/";
        _http.Prefixes.Add(BaseAddress);
        _http.Start();
        _loop = Task.Run(Serve);
    }

    public string BaseAddress { get; }

    public List<string> Requests { get; } = [];

    public List<string> Problems { get; } = [];

    public Dictionary<string, StandInProxy> Proxies { get; } = [];

    public void Dispose()
    {
        _http.Stop();
        _http.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The listener stopped under the loop: the normal way out.
        }
    }

    private async Task Serve()
    {
        while (_http.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _http.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var method = context.Request.HttpMethod;
            var path = context.Request.Url!.AbsolutePath;
            int status;
            string? answer;
            lock (_gate)
            {
                Requests.Add($"{method} {path}" + (body.Length > 0 ? " " + body : string.Empty));
                (status, answer) = Handle(method, path.Trim('/').Split('/'), body);
            }

            context.Response.StatusCode = status;
            if (answer is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(answer);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
    }

    private (int, string?) Handle(string method, string[] path, string body)
    {
        switch (method, path)
        {
            case ("GET", ["version"]):
                return (200, "{\"version\":\"2.12.0\"}");
            case ("POST", ["reset"]):
                foreach (var p in Proxies.Values)
                {
                    p.Enabled = true;
                    p.Toxics.Clear();
                }

                return (204, null);
            case ("POST", ["proxies"]):
                return CreateProxy(body);
            case ("POST", ["proxies", var name]):
                return UpdateProxy(name, body);
            case ("DELETE", ["proxies", var name]):
                return Proxies.Remove(name) ? (204, null) : NotFound($"proxy {name}");
            case ("POST", ["proxies", var name, "toxics"]):
                return CreateToxic(name, body);
            case ("DELETE", ["proxies", var name, "toxics", var toxic]):
                return Proxies.TryGetValue(name, out var proxy) && proxy.Toxics.Remove(toxic) ? (204, null) : NotFound($"toxic {toxic}");
            default:
                Problems.Add($"unexpected {method} /{string.Join('/', path)}");
                return (405, "{\"error\":\"method not allowed\",\"status\":405}");
        }
    }

    private (int, string?) CreateProxy(string body)
    {
        if (Parse(body) is not JsonObject json
            || json["name"]?.GetValueKind() != JsonValueKind.String
            || json["listen"]?.GetValueKind() != JsonValueKind.String
            || json["upstream"]?.GetValueKind() != JsonValueKind.String
            || (json["enabled"] is { } e && e.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)))
        {
            return BadRequest($"proxy body {body}");
        }

        var name = json["name"]!.GetValue<string>();
        if (Proxies.ContainsKey(name))
        {
            return (409, "{\"error\":\"proxy already exists\",\"status\":409}");
        }

        Proxies[name] = new StandInProxy(json["listen"]!.GetValue<string>(), json["upstream"]!.GetValue<string>()) { Enabled = json["enabled"]?.GetValue<bool>() ?? true };
        return (201, body);
    }

    private (int, string?) UpdateProxy(string name, string body)
    {
        if (!Proxies.TryGetValue(name, out var proxy))
        {
            return NotFound($"proxy {name}");
        }

        if (Parse(body) is not JsonObject json || json["enabled"]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return BadRequest($"proxy update {body}");
        }

        proxy.Enabled = json["enabled"]!.GetValue<bool>();
        return (200, body);
    }

    private (int, string?) CreateToxic(string proxyName, string body)
    {
        if (!Proxies.TryGetValue(proxyName, out var proxy))
        {
            return NotFound($"proxy {proxyName}");
        }

        if (Parse(body) is not JsonObject json
            || json["name"]?.GetValueKind() != JsonValueKind.String
            || json["type"]?.GetValue<string>() is not { } type || !ToxicAttributes.TryGetValue(type, out var allowed)
            || json["stream"]?.GetValue<string>() is not ("upstream" or "downstream")
            || json["toxicity"]?.GetValueKind() != JsonValueKind.Number || json["toxicity"]!.GetValue<double>() is < 0 or > 1
            || json["attributes"] is not JsonObject attributes
            || attributes.Any(a => !allowed.Contains(a.Key) || a.Value?.GetValueKind() != JsonValueKind.Number))
        {
            return BadRequest($"toxic body {body}");
        }

        var name = json["name"]!.GetValue<string>();
        if (proxy.Toxics.ContainsKey(name))
        {
            return (409, "{\"error\":\"toxic already exists\",\"status\":409}");
        }

        proxy.Toxics[name] = body;
        return (200, body);
    }

    private (int, string?) BadRequest(string what)
    {
        Problems.Add("bad request: " + what);
        return (400, "{\"error\":\"bad request body\",\"status\":400}");
    }

    private static (int, string?) NotFound(string what) => (404, $"{{\"error\":\"{what} not found\",\"status\":404}}");

    private static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal sealed class StandInProxy(string listen, string upstream)
{
    public string Listen { get; } = listen;

    public string Upstream { get; } = upstream;

    public bool Enabled { get; set; } = true;

    public Dictionary<string, string> Toxics { get; } = [];
}
