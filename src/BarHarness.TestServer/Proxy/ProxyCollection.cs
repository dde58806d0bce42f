namespace BarHarness.TestServer.Proxy;

/// <summary>
/// Every proxy of one <c>barharness proxy</c> process, by name, and the loop that polls them. The
/// Toxiproxy API and the poll loop share one lock, so a toxic takes effect between two rounds.
/// </summary>
public sealed class ProxyCollection(ulong seed = 1) : IDisposable
{
    private readonly Dictionary<string, ManagedProxy> _proxies = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public ulong Seed { get; } = seed;

    /// <summary>Runs <paramref name="action"/> under the collection's lock (API calls, statistics).</summary>
    public T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    public IReadOnlyList<ManagedProxy> All =>
        Locked(() => _proxies.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToArray());

    public ManagedProxy Get(string name) => Locked(() =>
        _proxies.GetValueOrDefault(name) ?? throw ToxiproxyApiException.NotFound($"proxy not found: {name}"));

    public ManagedProxy Add(ProxyOptions options, bool enabled) => Locked(() =>
    {
        if (_proxies.ContainsKey(options.Name))
        {
            throw ToxiproxyApiException.Conflict($"proxy already exists: {options.Name}");
        }

        var proxy = new ManagedProxy(options, enabled);
        _proxies[options.Name] = proxy;
        return proxy;
    });

    /// <summary>
    /// New listen or upstream: the proxy restarts with its toxics; enabled switches alone do not
    /// restart it.
    /// </summary>
    public ManagedProxy Update(string name, string? listen, string? upstream, bool? enabled) => Locked(() =>
    {
        var proxy = Get(name);
        var moved = (listen is not null && ManagedProxy.ParseAddress(listen, "listen") != proxy.Session.Serve.Endpoint)
            || (upstream is not null
                && ManagedProxy.ParseAddress(upstream, "upstream") != proxy.Session.Options.Upstream);
        if (moved)
        {
            var options = ManagedProxy.OptionsFor(name, listen ?? proxy.Listen, upstream ?? proxy.Upstream, Seed);
            var toxics = proxy.Toxics;
            var wasEnabled = proxy.Enabled;
            proxy.Dispose();
            _proxies.Remove(name);
            proxy = new ManagedProxy(options, wasEnabled);
            _proxies[name] = proxy;
            foreach (var toxic in toxics)
            {
                proxy.Add(toxic);
            }
        }

        if (enabled is { } on)
        {
            proxy.SetEnabled(on);
        }

        return proxy;
    });

    public void Remove(string name) => Locked(() =>
    {
        Get(name).Dispose();
        return _proxies.Remove(name);
    });

    /// <summary>Toxiproxy's /reset: every proxy enabled, every toxic removed.</summary>
    public void Reset() => Locked(() =>
    {
        foreach (var proxy in _proxies.Values)
        {
            proxy.SetEnabled(true);
            proxy.RemoveAllToxics();
        }

        return true;
    });

    /// <summary>Adds a toxic: the fault named <paramref name="type"/> with these attributes.</summary>
    public Toxic AddToxic(string proxyName, ToxicRequest request) =>
        Locked(() =>
        {
            var proxy = Get(proxyName);
            var schema = ToxicSchema(request.Type);
            var direction = request.Stream is null ? FaultStream.Downstream : ParseStream(request.Stream);
            var streamName = direction == FaultStream.Upstream ? "upstream" : "downstream";
            var name = request.Name ?? $"{schema.Name}_{streamName}";
            var toxic = Build(schema, name, direction, request.Toxicity ?? 1.0, request.Attributes, Empty);
            proxy.Add(toxic);
            return toxic;
        });

    /// <summary>Changes a toxic's attributes or toxicity; what is not given stays.</summary>
    public Toxic UpdateToxic(string proxyName, string name, ToxicChange change) =>
        Locked(() =>
        {
            var proxy = Get(proxyName);
            var old = proxy.Toxic(name) ?? throw ToxiproxyApiException.NotFound($"toxic not found: {name}");
            var toxicity = change.Toxicity ?? old.Toxicity;
            var toxic = Build(ToxicSchema(old.Type), name, old.Stream, toxicity, change.Attributes, old.Attributes);
            proxy.Replace(toxic);
            return toxic;
        });

    /// <summary>Polls every proxy until cancelled (real time: a live proxy measures, it does not decide).</summary>
    public async Task RunAsync(CancellationToken cancel, TimeSpan? interval = null)
    {
        var pause = interval ?? TimeSpan.FromMilliseconds(2);
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                Locked(() =>
                {
                    foreach (var proxy in _proxies.Values)
                    {
                        proxy.Session.Poll();
                    }

                    return true;
                });
                await Task.Delay(pause, cancel).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The normal way out.
        }
    }

    public void Dispose() => Locked(() =>
    {
        foreach (var proxy in _proxies.Values)
        {
            proxy.Dispose();
        }

        _proxies.Clear();
        return true;
    });

    private static readonly IReadOnlyDictionary<string, double> Empty = new Dictionary<string, double>();

    private static FaultSchema ToxicSchema(string type)
    {
        if (!FaultCatalog.Default.TryGet(type, out var schema))
        {
            var known = FaultCatalog.Default.Schemas.Where(s => !s.IsInstant).Select(s => s.Name)
                .Order(StringComparer.Ordinal);
            throw ToxiproxyApiException.BadRequest($"invalid toxic type: '{type}' (known: {string.Join(", ", known)})");
        }

        return schema.IsInstant
            ? throw ToxiproxyApiException.BadRequest(
                $"invalid toxic type: '{type}' happens at one instant; a toxic holds until removed "
                + "(use keys or a fault file)")
            : schema;
    }

    private static FaultStream ParseStream(string stream) => stream.ToLowerInvariant() switch
    {
        "upstream" => FaultStream.Upstream,
        "downstream" => FaultStream.Downstream,
        _ => throw ToxiproxyApiException.BadRequest(
            $"stream was invalid, can be either upstream or downstream: '{stream}'"),
    };

    private static Toxic Build(
        FaultSchema schema,
        string name,
        FaultStream stream,
        double toxicity,
        IReadOnlyDictionary<string, double> given,
        IReadOnlyDictionary<string, double> previous)
    {
        if (toxicity is < 0 or > 1 || !double.IsFinite(toxicity))
        {
            throw ToxiproxyApiException.BadRequest($"toxicity {toxicity} of toxic '{name}': expected 0 to 1");
        }

        var values = new Dictionary<string, double>(previous, StringComparer.Ordinal);
        foreach (var (key, value) in given)
        {
            var takes = schema.Parameters.Count == 0
                ? "none"
                : string.Join(", ", schema.Parameters.Select(p => p.Name));
            var parameter = schema.Parameter(key) ?? throw ToxiproxyApiException.BadRequest(
                $"toxic type '{schema.Name}' has no attribute '{key}' (it takes: {takes})");
            values[parameter.Name] = value;
        }

        try
        {
            var complete = schema.Parameters.ToDictionary(
                p => p.Name,
                p => values.TryGetValue(p.Name, out var v) ? v : p.Default ?? throw ToxiproxyApiException.BadRequest(
                    $"missing required field: attributes.{p.Name} of toxic type '{schema.Name}' "
                    + $"({schema.Signature()})"));
            var toxic = new Toxic(name, schema.Name, stream, toxicity, complete);
            _ = toxic.ToFault(); // ranges checked here, before anything changes
            return toxic;
        }
        catch (Core.Diagnostics.HarnessInputException e)
        {
            throw ToxiproxyApiException.BadRequest(e.Describe());
        }
    }
}
