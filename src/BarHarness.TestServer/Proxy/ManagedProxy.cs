namespace BarHarness.TestServer.Proxy;

/// <summary>
/// One proxy as the Toxiproxy API manages it: its session, whether it is enabled (disabled = the
/// <c>down</c> fault: listener closed, connections closed) and its toxics, each a running fault.
/// </summary>
public sealed class ManagedProxy : IDisposable
{
    private readonly List<(Toxic Toxic, int Handle)> _toxics = [];
    private int? _downHandle;

    public ManagedProxy(ProxyOptions options, bool enabled)
    {
        Session = new ProxySession(options);
        try
        {
            Session.Start();
        }
        catch (TransportException e)
        {
            Session.Dispose();
            throw new ToxiproxyApiException(500, $"cannot listen on {options.Serve.Endpoint}: {e.Message}");
        }

        Enabled = true;
        SetEnabled(enabled);
    }

    public ProxySession Session { get; }

    public string Name => Session.Name;

    /// <summary>The address actually listened on (the real port when asked for port 0).</summary>
    public string Listen => Session.Serve.Endpoint.ToString();

    public string Upstream => Session.Options.Upstream.ToString();

    public bool Enabled { get; private set; }

    public IReadOnlyList<Toxic> Toxics => _toxics.Select(t => t.Toxic).ToArray();

    public void SetEnabled(bool enabled)
    {
        if (enabled == Enabled)
        {
            return;
        }

        Enabled = enabled;
        if (enabled && _downHandle is { } handle)
        {
            Session.EndFault(handle);
            _downHandle = null;
        }
        else if (!enabled)
        {
            _downHandle = Session.InjectUntilEnded(new DownFault());
        }

        Settle();
    }

    public Toxic? Toxic(string name) => _toxics.FirstOrDefault(t => t.Toxic.Name == name).Toxic;

    public void Add(Toxic toxic)
    {
        if (Toxic(toxic.Name) is not null)
        {
            throw ToxiproxyApiException.Conflict($"toxic already exists: {toxic.Name}");
        }

        _toxics.Add((toxic, Session.InjectUntilEnded(toxic.ToFault())));
        Settle();
    }

    public void Replace(Toxic toxic)
    {
        var index = _toxics.FindIndex(t => t.Toxic.Name == toxic.Name);
        Session.EndFault(_toxics[index].Handle);
        _toxics[index] = (toxic, Session.InjectUntilEnded(toxic.ToFault()));
        Settle();
    }

    public void Remove(string name)
    {
        var index = _toxics.FindIndex(t => t.Toxic.Name == name);
        if (index < 0)
        {
            throw ToxiproxyApiException.NotFound($"toxic not found: {name}");
        }

        Session.EndFault(_toxics[index].Handle);
        _toxics.RemoveAt(index);
        Settle();
    }

    public void RemoveAllToxics()
    {
        foreach (var (_, handle) in _toxics)
        {
            Session.EndFault(handle);
        }

        _toxics.Clear();
        Settle();
    }

    public void Dispose() => Session.Dispose();

    /// <summary>
    /// One round at once, so that a change has taken effect when the API answers, as in Toxiproxy
    /// (a re-enabled proxy listens before the client's next connect). Callers hold the collection's lock.
    /// </summary>
    private void Settle() => Session.Poll();

    /// <summary>"host:port" as Toxiproxy takes it; an empty host or "localhost" is 127.0.0.1.</summary>
    public static NetEndpoint ParseAddress(string text, string field)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is < 0 or > 65535)
        {
            throw ToxiproxyApiException.BadRequest($"{field} '{text}' is not host:port");
        }

        var host = text[..colon].Trim('[', ']');
        host = host is "" or "localhost" ? "127.0.0.1" : host;
        return new NetEndpoint(host, port);
    }

    /// <summary>Options for a proxy the API creates: loopback only, no recording, the collection's seed.</summary>
    public static ProxyOptions OptionsFor(string name, string listen, string upstream, ulong seed)
    {
        var endpoint = ParseAddress(listen, "listen");
        var options = new ProxyOptions(name, ParseAddress(upstream, "upstream"))
        {
            Serve = new ServeOptions { Endpoint = endpoint, Seed = seed },
        };
        try
        {
            ServeSession.CheckBindAddress(options.Serve);
        }
        catch (HarnessInputException e)
        {
            throw ToxiproxyApiException.BadRequest(e.Describe());
        }

        return options;
    }
}
