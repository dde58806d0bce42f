using System.Net;
using System.Net.Sockets;
using BarHarness.Core.Time;
using BarHarness.Core.Transport;

namespace BarHarness.TestServer.Serve;

/// <summary>A non-blocking OS listening socket behind the transport contract.</summary>
internal sealed class SocketListener : IListener
{
    private readonly Socket _socket;
    private readonly SimClock _clock;
    private readonly Func<long> _nextId;
    private readonly SocketBuffers? _buffers;

    public SocketListener(NetEndpoint at, int backlog, SocketBuffers? buffers, SimClock clock, Func<long> nextId)
    {
        _clock = clock;
        _nextId = nextId;
        _buffers = buffers;
        if (!IPAddress.TryParse(at.IsAnyAddress ? "0.0.0.0" : at.Address, out var address))
        {
            throw new TransportException(TransportError.InvalidArgument, $"not an IPv4 address: {at.Address}");
        }

        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Without SO_REUSEADDR a restart fault could not rebind while old connections sit in TIME_WAIT.
            _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            if (buffers is not null)
            {
                _socket.ReceiveBufferSize = buffers.ReceiveBytes; // inherited by accepted sockets
            }

            _socket.Bind(new IPEndPoint(address, at.Port));
            _socket.Listen(backlog);
            _socket.Blocking = false;
        }
        catch (SocketException ex)
        {
            _socket.Dispose();
            throw new TransportException(
                ex.SocketErrorCode == SocketError.AddressAlreadyInUse
                    ? TransportError.AddressInUse
                    : TransportError.AddressNotAvailable,
                $"cannot listen on {at}: {ex.Message}");
        }

        LocalEndpoint = SocketConnection.ToEndpoint(_socket.LocalEndPoint);
        Backlog = backlog;
    }

    public NetEndpoint LocalEndpoint { get; }

    public int Backlog { get; }

    public bool IsOpen { get; private set; } = true;

    public int PendingCount => IsOpen && _socket.Poll(0, SelectMode.SelectRead) ? 1 : 0;

    public IConnection? TryAccept()
    {
        if (!IsOpen)
        {
            return null;
        }

        try
        {
            var accepted = _socket.Accept();
            if (_buffers is not null)
            {
                accepted.SendBufferSize = _buffers.SendBytes;
            }

            return new SocketConnection(accepted, _nextId(), _clock.NowMicros);
        }
        catch (SocketException ex)
            when (ex.SocketErrorCode
                    is SocketError.WouldBlock
                        or SocketError.ConnectionAborted
                        or SocketError.ConnectionReset)
        {
            return null;
        }
    }

    public void Close()
    {
        IsOpen = false;
        _socket.Close();
    }
}
