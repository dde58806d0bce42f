namespace BarHarness.TestServer.Proxy;

/// <summary>
/// The engine of <c>barharness proxy</c>: a <see cref="ServeSession"/> facing the widget (listener,
/// oracle without ground truth, .jsonl recording, faults from a file, keys or toxics) whose
/// connections are each joined to a fresh connection to the user's consumer. Bytes from the widget
/// go upstream once faults let them arrive; bytes from the consumer come back through the server's
/// writes, so downstream faults shape them. Not thread-safe: the owner serialises calls.
/// </summary>
public sealed class ProxySession : IDisposable
{
    private readonly Dictionary<long, UpstreamLink> _links = [];
    private readonly ProxyOptions _options;

    public ProxySession(ProxyOptions options)
    {
        _options = options;
        Serve = new ServeSession(options.Serve);
        var server = Serve.Server;
        server.ConnectionAccepted += (id, _) => _links[id] = new UpstreamLink(options.Upstream, id);
        server.BytesArrived += (id, bytes, _) => Link(id)?.Forward(bytes);
        server.ConnectionEnded += id => Link(id)?.Finish();
        server.ReadRoom = id => Link(id) is { } link ? Math.Max(0, options.MaxQueuedBytes - link.PendingBytes) : 0;
    }

    public string Name => _options.Name;

    public ProxyOptions Options => _options;

    /// <summary>The widget's side: listener, oracle, recording, faults and statistics.</summary>
    public ServeSession Serve { get; }

    public void Start() => Serve.Start();

    /// <summary>One round: the widget's side (accept, read, faults, oracle), then each consumer link.</summary>
    public void Poll()
    {
        Serve.Poll();
        var server = Serve.Server;
        foreach (var link in _links.Values.ToArray())
        {
            var room = Math.Max(0, _options.MaxQueuedBytes - server.PendingSendBytes(link.Id));
            link.Pump(room, bytes => server.Send(link.Id, bytes));
            switch (link.State)
            {
                case UpstreamState.Refused or UpstreamState.Finished:
                    server.CloseConnection(link.Id, reset: false);
                    break;
                case UpstreamState.Reset:
                    server.CloseConnection(link.Id, reset: true);
                    break;
            }

            if (link.IsOver)
            {
                link.Dispose();
                _links.Remove(link.Id);
            }
        }
    }

    /// <summary>Starts a fault that holds until <see cref="EndFault"/>; returns its handle.</summary>
    public int InjectUntilEnded(Fault fault) => Serve.InjectUntilEnded(fault);

    public void EndFault(int handle) => Serve.EndFault(handle);

    public void Stop()
    {
        Serve.Stop();
        foreach (var link in _links.Values)
        {
            link.Dispose();
        }

        _links.Clear();
    }

    public void Dispose()
    {
        Stop();
        Serve.Dispose();
    }

    private UpstreamLink? Link(long id) => _links.GetValueOrDefault(id);
}
