namespace BarHarness.Transport.Real;

/// <summary>
/// One end of an OS TCP connection. The kernel owns the buffers, so <see cref="WritableBytes"/> is
/// only "some" (the send buffer size) or 0, and bytes lost to a reset are not visible here.
/// </summary>
internal sealed class RealConnection : IConnection, IDisposable
{
    private readonly Socket _socket;
    private long _written;
    private long _read;
    private bool _readShutdown;
    private bool _disposed;
    private ConnectionState _state;

    public RealConnection(long id, Socket socket, NetEndpoint remote, ConnectionState state, long createdAtMicros)
    {
        _socket = socket;
        Id = id;
        RemoteEndpoint = remote;
        State = state;
        CreatedAtMicros = createdAtMicros;
        // Reading LocalEndPoint while a connect is pending swallows the pending error in .NET: wait for the outcome.
        LocalEndpoint = state == ConnectionState.Established ? RealNetwork.ToEndpoint(socket.LocalEndPoint)
            : new NetEndpoint(NetEndpoint.AnyAddress, 0);
    }

    public long Id { get; }

    public NetEndpoint LocalEndpoint { get; private set; }

    public NetEndpoint RemoteEndpoint { get; }

    public ConnectionState State
    {
        get
        {
            Refresh();
            return _state;
        }

        private set => _state = value;
    }

    public long CreatedAtMicros { get; }

    public int Available
    {
        get
        {
            Refresh();
            return State is ConnectionState.Established or ConnectionState.Reset && !_readShutdown ? SafeAvailable()
                : 0;
        }
    }

    public int WritableBytes
    {
        get
        {
            Refresh();
            return State == ConnectionState.Established && !SendShutdown && _socket.Poll(0, SelectMode.SelectWrite)
                ? _socket.SendBufferSize : 0;
        }
    }

    /// <summary>Not visible through the socket API (Linux SIOCOUTQ is not exposed by .NET): always 0.</summary>
    public int QueuedOutbound => 0;

    public bool SendShutdown { get; private set; }

    public bool PeerFinished
    {
        get
        {
            Refresh();
            return State == ConnectionState.Established && _socket.Poll(0, SelectMode.SelectRead)
                && SafeAvailable() == 0;
        }
    }

    public ConnectionCounters Counters => new(_written, _read, 0);

    public TransferResult Read(Span<byte> into)
    {
        Refresh();
        switch (State)
        {
            case ConnectionState.Closed:
            case ConnectionState.Refused:
                return TransferResult.Failed(TransferOutcome.NotConnected);
            case ConnectionState.Connecting:
                return TransferResult.WouldBlock;
        }

        if (_readShutdown)
        {
            return TransferResult.Failed(TransferOutcome.EndOfStream);
        }

        var n = _socket.Receive(into, SocketFlags.None, out var error);
        if (error == SocketError.Success)
        {
            if (n == 0 && into.Length > 0)
            {
                return TransferResult.Failed(TransferOutcome.EndOfStream);
            }

            _read += n;
            return TransferResult.Moved(n);
        }

        return MapError(error);
    }

    public TransferResult Write(ReadOnlySpan<byte> data)
    {
        Refresh();
        if (ConnectionGate.BeforeWrite(State, SendShutdown) is { } refused)
        {
            return refused;
        }

        var n = _socket.Send(data, SocketFlags.None, out var error);
        if (error == SocketError.Success)
        {
            _written += n;
            return n > 0 ? TransferResult.Moved(n) : TransferResult.WouldBlock;
        }

        return MapError(error);
    }

    public void Shutdown(ShutdownDirection direction)
    {
        if (State != ConnectionState.Established && State != ConnectionState.Reset)
        {
            return;
        }

        try
        {
            _socket.Shutdown(direction switch
            {
                ShutdownDirection.Send => SocketShutdown.Send,
                ShutdownDirection.Receive => SocketShutdown.Receive,
                _ => SocketShutdown.Both,
            });
        }
        catch (SocketException)
        {
            // shutdown(2) on a reset socket fails with ENOTCONN; LuaSocket ignores that too.
        }

        _readShutdown |= direction != ShutdownDirection.Send;
        SendShutdown |= direction != ShutdownDirection.Receive;
    }

    public void Close()
    {
        State = ConnectionState.Closed;
        SendShutdown = true;
        Dispose();
    }

    public void Reset()
    {
        if (!_disposed)
        {
            try
            {
                _socket.LingerState = new LingerOption(true, 0);
            }
            catch (SocketException)
            {
            }
        }

        Close();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _socket.Dispose();
    }

    private TransferResult MapError(SocketError error)
    {
        switch (error)
        {
            case SocketError.WouldBlock:
                return TransferResult.WouldBlock;
            case SocketError.ConnectionReset:
            case SocketError.ConnectionAborted:
            case SocketError.Shutdown: // EPIPE
                State = ConnectionState.Reset;
                return TransferResult.Failed(TransferOutcome.ConnectionReset);
            default:
                return TransferResult.Failed(TransferOutcome.NotConnected);
        }
    }

    private int SafeAvailable()
    {
        try
        {
            return _socket.Available;
        }
        catch (SocketException)
        {
            return 0;
        }
    }

    /// <summary>Turns a pending non-blocking connect into Established or Refused once the kernel knows.</summary>
    private void Refresh()
    {
        if (_state != ConnectionState.Connecting || _disposed)
        {
            return;
        }

        var pendingError = (SocketError)(int)_socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
        if (pendingError != SocketError.Success)
        {
            State = pendingError == SocketError.ConnectionRefused ? ConnectionState.Refused : ConnectionState.Closed;
            return;
        }

        if (_socket.Poll(0, SelectMode.SelectWrite))
        {
            State = ConnectionState.Established;
            LocalEndpoint = RealNetwork.ToEndpoint(_socket.LocalEndPoint);
        }
    }
}
