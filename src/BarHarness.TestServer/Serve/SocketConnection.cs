using System.Net;
using System.Net.Sockets;
using BarHarness.Core.Transport;

namespace BarHarness.TestServer.Serve;

/// <summary>An accepted OS socket behind the transport contract (non-blocking; faults map to close, shutdown and
/// SO_LINGER 0).</summary>
internal sealed class SocketConnection : IConnection
{
    private readonly Socket _socket;
    private long _written, _read;
    private bool _peerReset;

    public SocketConnection(Socket socket, long id, long createdAtMicros)
    {
        _socket = socket;
        _socket.Blocking = false;
        _socket.NoDelay = true;
        Id = id;
        CreatedAtMicros = createdAtMicros;
        LocalEndpoint = ToEndpoint(socket.LocalEndPoint);
        RemoteEndpoint = ToEndpoint(socket.RemoteEndPoint);
    }

    public long Id { get; }

    public NetEndpoint LocalEndpoint { get; }

    public NetEndpoint RemoteEndpoint { get; }

    public ConnectionState State { get; private set; } = ConnectionState.Established;

    public long CreatedAtMicros { get; }

    public int Available => State == ConnectionState.Established ? SafeAvailable() : 0;

    public int WritableBytes => State == ConnectionState.Established && !SendShutdown ? _socket.SendBufferSize : 0;

    public int QueuedOutbound => 0; // the kernel does not say without ioctls; serve does not need it

    public bool SendShutdown { get; private set; }

    public bool PeerFinished { get; private set; }

    public ConnectionCounters Counters => new(_written, _read, 0);

    public TransferResult Read(Span<byte> into)
    {
        if (_peerReset)
        {
            return TransferResult.Failed(TransferOutcome.ConnectionReset);
        }

        if (State != ConnectionState.Established)
        {
            return TransferResult.Failed(TransferOutcome.NotConnected);
        }

        var n = _socket.Receive(into, SocketFlags.None, out var error);
        switch (error)
        {
            case SocketError.Success when n == 0 && into.Length > 0:
                PeerFinished = true;
                return TransferResult.Failed(TransferOutcome.EndOfStream);
            case SocketError.Success:
                _read += n;
                return TransferResult.Moved(n);
            case SocketError.WouldBlock:
                return TransferResult.WouldBlock;
            default:
                return ResetByPeer();
        }
    }

    public TransferResult Write(ReadOnlySpan<byte> data)
    {
        if (State != ConnectionState.Established || SendShutdown)
        {
            return TransferResult.Failed(_peerReset ? TransferOutcome.ConnectionReset : TransferOutcome.NotConnected);
        }

        var n = _socket.Send(data, SocketFlags.None, out var error);
        switch (error)
        {
            case SocketError.Success:
                _written += n;
                return n > 0 ? TransferResult.Moved(n) : TransferResult.WouldBlock;
            case SocketError.WouldBlock:
                return TransferResult.WouldBlock;
            default:
                return ResetByPeer();
        }
    }

    private TransferResult ResetByPeer()
    {
        _peerReset = true;
        State = ConnectionState.Reset;
        return TransferResult.Failed(TransferOutcome.ConnectionReset);
    }

    public void Shutdown(ShutdownDirection direction)
    {
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
            // Already reset by the peer: nothing left to shut.
        }

        SendShutdown |= direction != ShutdownDirection.Receive;
    }

    public void Close()
    {
        if (State is ConnectionState.Closed)
        {
            return;
        }

        State = ConnectionState.Closed;
        _socket.Close(); // the kernel sends FIN, or RST when unread bytes remain (Linux)
    }

    public void Reset()
    {
        if (State is ConnectionState.Closed)
        {
            return;
        }

        State = ConnectionState.Closed;
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // Already dead; closing is all that is left.
        }

        _socket.Close();
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

    internal static NetEndpoint ToEndpoint(EndPoint? endPoint) =>
        endPoint is IPEndPoint ip ? new NetEndpoint(ip.Address.ToString(), ip.Port) : new NetEndpoint("0.0.0.0", 0);
}
