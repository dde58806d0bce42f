namespace BarHarness.Network.LuaSocket;

/// <summary>
/// One LuaSocket 2.0.2 TCP object (master, client or server) over the transport contract. Every
/// method answers with the values and messages LuaSocket returns on Linux, including its 8 KiB
/// input buffer (<c>dirty</c>), 8 KiB send steps, partial results and Linux connect() quirks
/// (EALREADY while pending, success reported once, a new attempt after a refusal).
/// </summary>
public sealed class TcpSocket
{
    private const int BufferSize = 8192; // LuaSocket's BUF_SIZE
    private const int StepSize = 8192; // LuaSocket's send STEPSIZE
    private const string TimeoutMessage = "timeout";
    private const string ClosedMessage = "closed";

    private readonly ITransport _transport;
    private readonly IBlockingWait _wait;
    private readonly byte[] _input = new byte[BufferSize];
    private int _first;
    private int _last;
    private bool _connectReported;
    private bool _abortOnClose;
    private long _received;
    private long _sent;
    private long _birthdayMicros;

    internal TcpSocket(
        int id,
        int fd,
        ITransport transport,
        IBlockingWait wait,
        SocketClass socketClass = SocketClass.Master,
        IConnection? accepted = null)
    {
        Id = id;
        Fd = fd;
        _transport = transport;
        _wait = wait;
        Class = socketClass;
        Connection = accepted;
        _connectReported = accepted is not null;
        _birthdayMicros = transport.Clock.NowMicros;
    }

    public int Id { get; }

    /// <summary>The descriptor number getfd returns (-1 once closed); select orders results by it.</summary>
    public int Fd { get; private set; }

    public SocketClass Class { get; private set; }

    public SocketTimeout Timeout { get; } = new();

    public IConnection? Connection { get; private set; }

    public IListener? Listener { get; private set; }

    public bool IsClosed => Fd < 0;

    /// <summary>True when LuaSocket's own input buffer holds bytes (select reports such sockets readable at
    /// once).</summary>
    public bool Dirty => _first < _last;

    public string ClassName => Class.Name();

    /// <summary>Whether a call needing the peer right now would have to wait (for blocking-call records).</summary>
    public bool CanConnectNow => Connection is { State: not ConnectionState.Connecting };

    public bool CanReceiveNow => Dirty || IsReadable;

    public bool CanSendNow => IsWritable;

    public bool CanAcceptNow => Listener is { PendingCount: > 0 };

    public bool IsReadable => !IsClosed && Class switch
    {
        SocketClass.Server => Listener is { PendingCount: > 0 },
        SocketClass.Master => true, // an unconnected socket polls as hung up, which select counts as readable
        _ => Connection is null || Connection.State switch
        {
            ConnectionState.Connecting => false,
            ConnectionState.Established => Connection.Available > 0 || Connection.PeerFinished,
            _ => true,
        },
    };

    public bool IsWritable => !IsClosed && Class switch
    {
        SocketClass.Server => false,
        SocketClass.Master => true,
        _ => Connection is null || Connection.State switch
        {
            ConnectionState.Connecting => false,
            ConnectionState.Established => Connection.WritableBytes > 0 || Connection.SendShutdown,
            _ => true,
        },
    };

    public LuaResult Connect(NetEndpoint remote)
    {
        if (IsClosed)
        {
            return LuaResult.Fail(ClosedMessage);
        }

        Class = SocketClass.Client; // LuaSocket sets the class even when the connect fails
        if (Connection is null)
        {
            Connection = _transport.Connect(remote);
            _connectReported = false;
            if (Timeout.IsZero)
            {
                return LuaResult.Fail(TimeoutMessage);
            }

            _wait.WaitUntil(() => Connection.State != ConnectionState.Connecting, Timeout.Effective);
            return Connection.State == ConnectionState.Connecting ? LuaResult.Fail(TimeoutMessage)
                : ReportConnectOutcome();
        }

        return Connection.State == ConnectionState.Connecting
            ? LuaResult.Fail("Operation already in progress") // EALREADY, strerror text, even when blocking
            : ReportConnectOutcome();
    }

    public LuaResult Send(byte[] data, long? i, long? j)
    {
        long size = data.Length;
        var start = i ?? 1;
        var end = j ?? -1;
        if (start < 0)
        {
            start = size + start + 1;
        }

        if (end < 0)
        {
            end = size + end + 1;
        }

        if (start < 1)
        {
            start = 1;
        }

        if (end > size)
        {
            end = size;
        }

        string? error = null;
        long sent = 0;
        if (start <= end)
        {
            error = SendRaw(data.AsSpan((int)(start - 1), (int)(end - start + 1)), out sent);
        }

        return error is null ? LuaResult.Of(sent + start - 1, null, null) : LuaResult.Of(null, error, sent + start - 1);
    }

    public LuaResult Receive(ReceivePattern pattern, byte[] prefix)
    {
        var output = new List<byte>(prefix);
        var error = pattern.Kind switch
        {
            ReceivePatternKind.Line => ReceiveLine(output),
            ReceivePatternKind.All => ReceiveAll(output),
            // 2.0.2 subtracts the prefix length from the count (unsigned: a longer prefix reads until an error)
            _ => ReceiveRaw(pattern.Count - prefix.Length < 0 ? long.MaxValue : pattern.Count - prefix.Length, output),
        };
        var bytes = output.ToArray();
        return error is null ? LuaResult.Of(bytes, null, null) : LuaResult.Of(null, error, bytes);
    }

    public LuaResult Close()
    {
        if (!IsClosed)
        {
            if (_abortOnClose)
            {
                Connection?.Reset();
            }
            else
            {
                Connection?.Close();
            }

            Listener?.Close();
            Fd = -1;
        }

        return LuaResult.One;
    }

    public LuaResult Shutdown(ShutdownDirection direction)
    {
        if (!IsClosed && Connection is { State: ConnectionState.Established or ConnectionState.Reset })
        {
            Connection.Shutdown(direction);
        }

        return LuaResult.One;
    }

    public LuaResult Bind(NetEndpoint at)
    {
        if (IsClosed)
        {
            return LuaResult.Fail(ClosedMessage);
        }

        try
        {
            // The contract binds and listens in one step; LuaSocket's bind is followed by listen anyway.
            Listener = _transport.Listen(at);
            return LuaResult.One;
        }
        catch (TransportException e) when (e.Error == TransportError.AddressInUse)
        {
            return LuaResult.Fail("address already in use");
        }
        catch (TransportException)
        {
            return LuaResult.Fail("Cannot assign requested address");
        }
    }

    public LuaResult Listen(int backlog)
    {
        if (IsClosed)
        {
            return LuaResult.Fail(ClosedMessage);
        }

        // listen() without bind binds an ephemeral port on every address, as the kernel does.
        Listener ??= _transport.Listen(new NetEndpoint(NetEndpoint.AnyAddress, 0), backlog);
        Class = SocketClass.Server;
        return LuaResult.One;
    }

    /// <summary>Accepts one pending connection; <paramref name="adopt"/> wraps it as a new client object.</summary>
    public LuaResult Accept(Func<IConnection, TcpSocket> adopt)
    {
        if (IsClosed || Listener is null)
        {
            return LuaResult.Fail(ClosedMessage);
        }

        var accepted = Listener.TryAccept();
        if (accepted is null && !Timeout.IsZero && _wait.WaitUntil(() => Listener.PendingCount > 0, Timeout.Effective))
        {
            accepted = Listener.TryAccept();
        }

        return accepted is null ? LuaResult.Fail(TimeoutMessage) : LuaResult.Of(new SocketHandle(adopt(accepted).Id));
    }

    public LuaResult GetPeerName() =>
        !IsClosed && Connection is { State: ConnectionState.Established }
            ? LuaResult.Of(Connection.RemoteEndpoint.Address, (long)Connection.RemoteEndpoint.Port)
            : LuaResult.Fail("getpeername failed");

    public LuaResult GetSockName()
    {
        if (IsClosed)
        {
            return LuaResult.Fail("getsockname failed");
        }

        var local = Listener?.LocalEndpoint
            ?? (Connection is { State: ConnectionState.Established } c
                ? c.LocalEndpoint
                : new NetEndpoint(NetEndpoint.AnyAddress, 0));
        return LuaResult.Of(local.Address == "*" ? NetEndpoint.AnyAddress : local.Address, (long)local.Port);
    }

    public LuaResult GetStats() =>
        LuaResult.Of(_received, _sent, (_transport.Clock.NowMicros - _birthdayMicros) / 1e6);

    public LuaResult SetStats(long? received, long? sent, double? age)
    {
        _received = received ?? _received;
        _sent = sent ?? _sent;
        if (age is { } a)
        {
            _birthdayMicros = _transport.Clock.NowMicros - (long)(a * 1e6);
        }

        return LuaResult.One;
    }

    /// <summary>setoption: the caller has already checked the option name and value type.</summary>
    public LuaResult SetOption(string name, bool on, double lingerSeconds = 0)
    {
        if (IsClosed)
        {
            return LuaResult.Fail("setsockopt failed");
        }

        if (name == "linger")
        {
            // SO_LINGER on with 0 s makes close() abortive: the peer gets an RST.
            _abortOnClose = on && lingerSeconds <= 0;
        }

        return LuaResult.One;
    }

    private LuaResult ReportConnectOutcome()
    {
        switch (Connection!.State)
        {
            case ConnectionState.Established when !_connectReported:
                _connectReported = true; // Linux's connect() returns 0 once after an asynchronous success
                return LuaResult.One;
            case ConnectionState.Refused:
                Connection = null; // the error is consumed; the next connect starts a new attempt
                return LuaResult.Fail("connection refused");
            default:
                return LuaResult.Fail("already connected");
        }
    }

    /// <summary>A pending refusal is reported by whichever call touches the socket first (SO_ERROR).</summary>
    private bool TakePendingRefusal()
    {
        if (Connection is { State: ConnectionState.Refused })
        {
            Connection = null;
            return true;
        }

        return false;
    }

    private string? SendRaw(ReadOnlySpan<byte> data, out long sent)
    {
        sent = 0;
        string? error = null;
        while (sent < data.Length && error is null)
        {
            var step = (int)Math.Min(data.Length - sent, StepSize);
            error = SendSome(data.Slice((int)sent, step), out var done);
            sent += done;
        }

        _sent += sent;
        return error;
    }

    private string? SendSome(ReadOnlySpan<byte> data, out int done)
    {
        done = 0;
        if (IsClosed)
        {
            return ClosedMessage;
        }

        if (TakePendingRefusal())
        {
            return "connection refused";
        }

        if (Connection is null)
        {
            return ClosedMessage; // EPIPE on a socket that never connected
        }

        while (true)
        {
            var result = Connection.Write(data);
            switch (result.Outcome)
            {
                case TransferOutcome.Transferred:
                    done = result.Bytes;
                    return null;
                case TransferOutcome.WouldBlock:
                    var connection = Connection;
                    if (Timeout.IsZero || !_wait.WaitUntil(
                        () => connection.State != ConnectionState.Connecting && connection.WritableBytes > 0,
                        Timeout.Effective))
                    {
                        return TimeoutMessage;
                    }

                    continue;
                default:
                    return ClosedMessage; // ECONNRESET, EPIPE
            }
        }
    }

    private string? Fill()
    {
        if (IsClosed)
        {
            return ClosedMessage;
        }

        if (TakePendingRefusal())
        {
            return "connection refused";
        }

        if (Connection is null)
        {
            return "Transport endpoint is not connected";
        }

        while (true)
        {
            var result = Connection.Read(_input);
            switch (result.Outcome)
            {
                case TransferOutcome.Transferred:
                    _first = 0;
                    _last = result.Bytes;
                    return null;
                case TransferOutcome.WouldBlock:
                    var connection = Connection;
                    if (Timeout.IsZero || !_wait.WaitUntil(
                        () => connection.Available > 0 || connection.PeerFinished
                            || connection.State is not (ConnectionState.Established or ConnectionState.Connecting),
                        Timeout.Effective))
                    {
                        return TimeoutMessage;
                    }

                    continue;
                default:
                    return ClosedMessage; // recv() returned 0, or ECONNRESET
            }
        }
    }

    /// <summary>LuaSocket's buffer_get: what is buffered, refilling from the connection when empty.</summary>
    private string? Get(out ReadOnlySpan<byte> data)
    {
        string? error = null;
        if (!Dirty)
        {
            _first = _last = 0;
            error = Fill();
        }

        data = _input.AsSpan(_first, _last - _first);
        return error;
    }

    private void Skip(int count)
    {
        _received += count;
        _first += count;
        if (_first >= _last)
        {
            _first = _last = 0;
        }
    }

    private string? ReceiveLine(List<byte> output)
    {
        string? error = null;
        while (error is null)
        {
            error = Get(out var data);
            var pos = 0;
            while (pos < data.Length && data[pos] != (byte)'\n')
            {
                if (data[pos] != (byte)'\r')
                {
                    output.Add(data[pos]);
                }

                pos++;
            }

            if (pos < data.Length)
            {
                Skip(pos + 1);
                break;
            }

            Skip(pos);
        }

        return error;
    }

    private string? ReceiveAll(List<byte> output)
    {
        string? error = null;
        long total = 0;
        while (error is null)
        {
            error = Get(out var data);
            total += data.Length;
            output.AddRange(data.ToArray());
            Skip(data.Length);
        }

        return error == ClosedMessage && total > 0 ? null : error;
    }

    private string? ReceiveRaw(long wanted, List<byte> output)
    {
        string? error = null;
        long total = 0;
        while (total < wanted && error is null)
        {
            error = Get(out var data);
            var count = (int)Math.Min(data.Length, wanted - total);
            output.AddRange(data[..count].ToArray());
            Skip(count);
            total += count;
        }

        return error;
    }
}
