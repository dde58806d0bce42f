using System.Net;

namespace BarHarness.TestServer.Proxy;

/// <summary>
/// Toxiproxy's HTTP API over a <see cref="ProxyCollection"/>, on loopback only, so existing
/// Toxiproxy clients and scripts drive <c>barharness proxy</c>. Routes, JSON shapes and status codes
/// follow Toxiproxy 2.x: <c>/version</c>, <c>/proxies</c>, <c>/proxies/{name}</c>,
/// <c>/proxies/{name}/toxics[/{toxic}]</c>, <c>/reset</c>, <c>/populate</c>. Errors are
/// <c>{"error": "...", "status": n}</c> and name what was refused.
/// </summary>
public sealed class ToxiproxyApi : IDisposable
{
    public const int DefaultPort = 8474;

    private const int MaxBodyBytes = 1024 * 1024;
    private readonly ProxyCollection _proxies;
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public ToxiproxyApi(ProxyCollection proxies, int port = DefaultPort)
    {
        _proxies = proxies;
        Port = port;
        // HttpListener matches the Host header: clients say localhost as often as 127.0.0.1 (both loopback).
        _listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _listener.Prefixes.Add($"http://localhost:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts answering; throws <see cref="HttpListenerException"/> when the port is taken.</summary>
    public void Start()
    {
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public void Dispose()
    {
        _stop.Cancel();
        if (_listener.IsListening)
        {
            _listener.Stop();
        }

        try
        {
            _loop?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping the listener faults the pending accept: the expected way out.
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e)
                when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var (status, body) = Route(context.Request);
            Write(response, status, body);
        }
        catch (ToxiproxyApiException e)
        {
            Write(response, e.Status, ToxiproxyJson.Error(e.Message, e.Status));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            Write(response, 400, ToxiproxyJson.Error("bad request body: " + e.Message, 400));
        }
        catch (HttpListenerException)
        {
            // The client went away mid-answer.
        }
    }

    private (int Status, byte[]? Body) Route(HttpListenerRequest request)
    {
        var path = (request.Url?.AbsolutePath ?? "/").TrimEnd('/');
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var method = request.HttpMethod.ToUpperInvariant();
        var update = method is "POST" or "PATCH";
        switch (parts)
        {
            case ["version"] when method == "GET":
                return (200, ToxiproxyJson.Version());
            case ["reset"] when method == "POST":
                _proxies.Reset();
                return (204, null);
            case ["populate"] when method == "POST":
                return (201, ToxiproxyJson.Populated(Populate(Body(request))));
            case ["proxies"] when method == "GET":
                return (200, ToxiproxyJson.ProxyMap(_proxies.All));
            case ["proxies"] when method == "POST":
                return (201, ToxiproxyJson.Proxy(Create(ToxiproxyRequests.Proxy(Body(request)))));
            case ["proxies", var name] when method == "GET":
                return (200, _proxies.Locked(() => ToxiproxyJson.Proxy(_proxies.Get(name))));
            case ["proxies", var name] when update:
                var change = ToxiproxyRequests.ProxyChange(Body(request));
                return (200, _proxies.Locked(() =>
                    ToxiproxyJson.Proxy(_proxies.Update(name, change.Listen, change.Upstream, change.Enabled))));
            case ["proxies", var name] when method == "DELETE":
                _proxies.Remove(name);
                return (204, null);
            case ["proxies", var name, "toxics"] when method == "GET":
                return (200, _proxies.Locked(() => ToxiproxyJson.Toxics(_proxies.Get(name).Toxics)));
            case ["proxies", var name, "toxics"] when method == "POST":
                return (200, ToxiproxyJson.Toxic(_proxies.AddToxic(name, ToxiproxyRequests.NewToxic(Body(request)))));
            case ["proxies", var name, "toxics", var toxic] when method == "GET":
                return (200, _proxies.Locked(() => ToxiproxyJson.Toxic(_proxies.Get(name).Toxic(toxic)
                    ?? throw ToxiproxyApiException.NotFound($"toxic not found: {toxic}"))));
            case ["proxies", var name, "toxics", var toxic] when update:
                var edit = ToxiproxyRequests.ToxicChange(Body(request));
                return (200, ToxiproxyJson.Toxic(_proxies.UpdateToxic(name, toxic, edit)));
            case ["proxies", var name, "toxics", var toxic] when method == "DELETE":
                _proxies.Locked(() =>
                {
                    _proxies.Get(name).Remove(toxic);
                    return true;
                });
                return (204, null);
            default:
                throw ToxiproxyApiException.NotFound($"no route for {method} {path} (Toxiproxy's API: "
                    + "/version, /proxies, /proxies/{name}/toxics, /reset, /populate)");
        }
    }

    private ManagedProxy Create(ProxyRequest request) =>
        _proxies.Add(
            ManagedProxy.OptionsFor(request.Name, request.Listen, request.Upstream, _proxies.Seed),
            request.Enabled);

    /// <summary>
    /// Toxiproxy's populate: an existing proxy with the same addresses is kept, one that differs restarts.
    /// </summary>
    private IReadOnlyList<ManagedProxy> Populate(JsonElement body)
    {
        var requests = ToxiproxyRequests.ProxyList(body);
        return _proxies.Locked(() =>
        {
            var result = new List<ManagedProxy>();
            foreach (var request in requests)
            {
                if (_proxies.All.Any(p => p.Name == request.Name))
                {
                    result.Add(_proxies.Update(request.Name, request.Listen, request.Upstream, request.Enabled));
                }
                else
                {
                    result.Add(Create(request));
                }
            }

            return result;
        });
    }

    private static JsonElement Body(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var buffer = new char[MaxBodyBytes + 1];
        var length = reader.ReadBlock(buffer, 0, buffer.Length);
        if (length > MaxBodyBytes)
        {
            throw ToxiproxyApiException.BadRequest($"bad request body: over {MaxBodyBytes} bytes");
        }

        var text = new string(buffer, 0, length);
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
        return document.RootElement.Clone();
    }

    private static void Write(HttpListenerResponse response, int status, byte[]? body)
    {
        response.StatusCode = status;
        if (body is not null)
        {
            response.ContentType = "application/json";
            response.ContentLength64 = body.Length;
            response.OutputStream.Write(body);
        }

        response.Close();
    }
}
