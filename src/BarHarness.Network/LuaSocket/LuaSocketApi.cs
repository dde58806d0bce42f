using System.Net;

namespace BarHarness.Network.LuaSocket;

/// <summary>
/// LuaSocket 2.0.2 as Recoil embeds it, in plain C#: sockets by handle, Recoil's restriction
/// rules, <c>select</c>, the virtual <c>gettime</c>, <c>sleep</c>, name resolution, and the record of
/// every call that would block the game. The Lua binding is a thin layer over this class.
/// </summary>
public sealed class LuaSocketApi
{
    public const string Version = "LuaSocket 2.0.2";

    private readonly Dictionary<int, TcpSocket> _sockets = [];
    private readonly ConnectRules _allowConnect;
    private readonly ConnectRules _allowListen;
    private int _nextHandle = 1;
    private int _nextFd = 3; // 0-2 are the standard streams

    public LuaSocketApi(ITransport transport, LuaSocketOptions? options = null, IBlockingWait? wait = null)
    {
        Transport = transport;
        Options = options ?? new LuaSocketOptions();
        Wait = wait ?? (transport.IsSimulated ? new NoWait() : new CappedWallWait(transport.Options.RealWaitCap));
        _allowConnect = new ConnectRules(Options.TcpAllowConnect);
        _allowListen = new ConnectRules(Options.TcpAllowListen);
        Timeline = new SocketTimeline(() => Transport.Clock.NowMicros);
    }

    public ITransport Transport { get; }

    public LuaSocketOptions Options { get; }

    public IBlockingWait Wait { get; }

    public SocketStatistics Statistics { get; } = new();

    /// <summary>Connects, handshakes, first bytes and closes of the widget's sockets, in order.</summary>
    public SocketTimeline Timeline { get; }

    /// <summary>Set by the binding: the calling widget's traceback, for blocking-call records.</summary>
    public Func<string>? TracebackSource { get; set; }

    /// <summary>Set by the host: the current game frame, for blocking-call records.</summary>
    public Func<int?>? GameFrameSource
    {
        get => Timeline.GameFrameSource;
        set => Timeline.GameFrameSource = value;
    }

    public IEnumerable<TcpSocket> OpenSockets => _sockets.Values.Where(s => !s.IsClosed);

    /// <summary>Every connection any of the widget's sockets ever held, open or closed.</summary>
    public IEnumerable<IConnection> Connections =>
        _sockets.Values.Select(s => s.Connection).OfType<IConnection>().Distinct();

    public TcpSocket? Find(int handle) => _sockets.GetValueOrDefault(handle);

    /// <summary>socket.tcp(): a new master object.</summary>
    public TcpSocket Tcp()
    {
        var socket = Adopt(null, SocketClass.Master);
        Timeline.Created(socket);
        return socket;
    }

    public LuaResult Connect(TcpSocket socket, string host, int port)
    {
        var address = Resolve(host);
        if (!_allowConnect.Allows(host, address, port))
        {
            Statistics.ConnectDenied++;
            Timeline.ConnectDenied(socket, host, port, "denied (not in TCPAllowConnect)");
            return LuaResult.Fail("connect denied");
        }

        if (address is null)
        {
            Timeline.ConnectDenied(socket, host, port, "host not found");
            return LuaResult.Fail("host not found");
        }

        Statistics.ConnectAttempts++;
        RecordIfBlocking("connect", socket, socket.CanConnectNow);
        var result = socket.Connect(new NetEndpoint(address, port));
        Timeline.ConnectCalled(socket, host, port, result);
        return result;
    }

    /// <summary>close(): the socket's end, recorded on the timeline.</summary>
    public LuaResult Close(TcpSocket socket)
    {
        Timeline.Closing(socket);
        return socket.Close();
    }

    public LuaResult Bind(TcpSocket socket, string host, int port)
    {
        var address = host == "*" ? NetEndpoint.AnyAddress : Resolve(host);
        if (!_allowListen.Allows(host, address, port))
        {
            return LuaResult.Fail("bind denied");
        }

        return address is null ? LuaResult.Fail("host not found") : socket.Bind(new NetEndpoint(address, port));
    }

    public LuaResult Accept(TcpSocket server)
    {
        RecordIfBlocking("accept", server, server.CanAcceptNow);
        return server.Accept(connection => Adopt(connection, SocketClass.Client));
    }

    public LuaResult Send(TcpSocket socket, byte[] data, long? i, long? j)
    {
        RecordIfBlocking("send", socket, socket.CanSendNow);
        var before = socket.GetStats()[1] is long s ? s : 0;
        var result = socket.Send(data, i, j);
        var after = socket.GetStats()[1] is long s2 ? s2 : 0;
        Statistics.BytesOffered += Math.Max(0, OfferedLength(data.Length, i, j));
        Statistics.BytesSent += after - before;
        Timeline.Sent(socket, after - before);
        return result;
    }

    public LuaResult Receive(TcpSocket socket, ReceivePattern pattern, byte[] prefix)
    {
        RecordIfBlocking("receive", socket, socket.CanReceiveNow);
        var before = socket.GetStats()[0] is long r ? r : 0;
        var result = socket.Receive(pattern, prefix);
        var after = socket.GetStats()[0] is long r2 ? r2 : 0;
        var data = (result[0] ?? result[2]) as byte[];
        Statistics.BytesReceived += Math.Max(0, (data?.Length ?? 0) - prefix.Length);
        Timeline.Received(socket, after - before, result);
        return result;
    }

    /// <summary>
    /// socket.select: readable and writable sockets, dirty ones first, then by descriptor, as
    /// LuaSocket builds its answer. Empty lists mean "timeout".
    /// </summary>
    public (IReadOnlyList<TcpSocket> Readable, IReadOnlyList<TcpSocket> Writable) Select(
        IReadOnlyList<TcpSocket> recvt,
        IReadOnlyList<TcpSocket> sendt,
        double? timeoutSeconds)
    {
        var reads = recvt.Where(s => !s.IsClosed).ToList();
        var writes = sendt.Where(s => !s.IsClosed).ToList();
        Timeline.Selected(reads, writes);
        var dirty = reads.Where(s => s.Dirty).ToList();
        var effective = dirty.Count > 0 ? 0 : timeoutSeconds;

        (List<TcpSocket>, List<TcpSocket>) Ready() => (
            reads.Where(s => !s.Dirty && s.IsReadable).OrderBy(s => s.Fd).ToList(),
            writes.Where(s => s.IsWritable).OrderBy(s => s.Fd).ToList());

        var (readable, writable) = Ready();
        var anyReady = dirty.Count > 0 || readable.Count > 0 || writable.Count > 0;
        if (effective != 0)
        {
            Record("select", effective, wouldHaveWaited: !anyReady);
            if (!anyReady && Wait.WaitUntil(() => Ready() is var (r, w) && (r.Count > 0 || w.Count > 0), effective))
            {
                (readable, writable) = Ready();
            }
        }

        return ([.. dirty, .. readable], writable);
    }

    /// <summary>socket.gettime(): the virtual clock in seconds (BAR: wall clock), so runs replay.</summary>
    public double GetTime() => Transport.Clock.NowSeconds + Options.GetTimeOffsetSeconds;

    /// <summary>socket.sleep(): always a blocking call (it freezes BAR); never waits in simulated mode.</summary>
    public void Sleep(double seconds)
    {
        Record("sleep", seconds, wouldHaveWaited: seconds > 0);
        Wait.Sleep(seconds);
    }

    /// <summary>socket.dns.toip: address, {name, alias, ip}; or nil, "host not found".</summary>
    public (string Address, string Name)? ToIp(string host)
    {
        var address = Resolve(host);
        if (address is null)
        {
            return null;
        }

        var name = Options.Hosts.FirstOrDefault(h => h.Value == address
            && string.Equals(h.Key, host, StringComparison.OrdinalIgnoreCase)).Key
            ?? Options.Hosts.FirstOrDefault(h => h.Value == address).Key
            ?? address;
        return (address, name);
    }

    public string GetHostName() => Options.HostName;

    /// <summary>Numeric IPv4 passes through; names come from <see cref="LuaSocketOptions.Hosts"/> only (no machine
    /// DNS).</summary>
    public string? Resolve(string host)
    {
        if (IPAddress.TryParse(host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            && host.Count(c => c == '.') == 3)
        {
            return ip.ToString();
        }

        return Options.Hosts.TryGetValue(host, out var mapped) ? mapped : null;
    }

    internal TcpSocket Adopt(IConnection? connection, SocketClass socketClass)
    {
        var socket = new TcpSocket(_nextHandle++, _nextFd++, Transport, Wait, socketClass, connection);
        _sockets[socket.Id] = socket;
        return socket;
    }

    private static long OfferedLength(long size, long? i, long? j)
    {
        var start = i ?? 1;
        var end = j ?? -1;
        start = start < 0 ? size + start + 1 : start;
        end = end < 0 ? size + end + 1 : end;
        return Math.Min(end, size) - Math.Max(start, 1) + 1;
    }

    private void RecordIfBlocking(string function, TcpSocket socket, bool readyNow)
    {
        if (!socket.Timeout.IsZero)
        {
            Record(function, socket.Timeout.Effective, wouldHaveWaited: !readyNow);
        }
    }

    private void Record(string function, double? timeout, bool wouldHaveWaited) =>
        Statistics.Record(new BlockingCall(
            function,
            timeout is { } t && t < 0 ? null : timeout,
            wouldHaveWaited,
            TracebackSource?.Invoke() ?? string.Empty,
            Transport.Clock.NowMicros,
            GameFrameSource?.Invoke()));
}
