using System.Net;
using BarHarness.Core.Time;

namespace BarHarness.Transport.Real;

/// <summary>
/// OS sockets on loopback, non-blocking, with small SO_SNDBUF/SO_RCVBUF so buffer-full arrives
/// quickly. The kernel moves the bytes; this backend exists to confirm that the simulated model
/// and the kernel agree. Its timing is wall time and therefore not reproducible.
/// </summary>
public sealed class RealNetwork(SimClock clock, TransportOptions? options = null) : ITransport
{
    private readonly List<IDisposable> _owned = [];
    private long _nextId = 1;

    public SimClock Clock { get; } = clock;

    public TransportOptions Options { get; } = options ?? new TransportOptions();

    public bool IsSimulated => false;

    public long? NextEventMicros => null;

    public IListener Listen(NetEndpoint at, int backlog = 32, SocketBuffers? buffers = null)
    {
        var sizes = buffers ?? Options.Buffers;
        var socket = NewSocket(sizes);
        try
        {
            // Without SO_REUSEADDR a restart fault could not rebind while old connections sit in TIME_WAIT.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(ParseAddress(at.Address), at.Port));
            socket.Listen(backlog);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            socket.Dispose();
            throw new TransportException(TransportError.AddressInUse, $"address already in use: {at}");
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new TransportException(
                TransportError.AddressNotAvailable,
                $"cannot listen on {at}: {e.SocketErrorCode}");
        }

        var listener = new RealListener(this, socket, backlog, sizes.SendBytes);
        _owned.Add(listener);
        return listener;
    }

    public IConnection Connect(NetEndpoint remote, SocketBuffers? buffers = null)
    {
        var socket = NewSocket(buffers ?? Options.Buffers);
        var state = ConnectionState.Connecting;
        try
        {
            socket.Connect(new IPEndPoint(ParseAddress(remote.Address), remote.Port));
            state = ConnectionState.Established;
        }
        catch (SocketException e) when (
            e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress or SocketError.AlreadyInProgress)
        {
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            state = ConnectionState.Refused;
        }

        var connection = new RealConnection(NextId(), socket, remote, state, Clock.NowMicros);
        _owned.Add(connection);
        return connection;
    }

    public void Pump()
    {
        // The kernel moves bytes by itself; states are refreshed lazily by each call.
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    /// <summary>
    /// A socket connected elsewhere (the proxy's upstream, connected asynchronously), behind the same
    /// contract as every other real connection. The caller keeps ownership.
    /// </summary>
    public static IConnection Adopt(Socket connected, long id, long createdAtMicros)
    {
        ArgumentNullException.ThrowIfNull(connected);
        connected.Blocking = false;
        connected.NoDelay = true;
        return new RealConnection(
            id, connected, ToEndpoint(connected.RemoteEndPoint), ConnectionState.Established, createdAtMicros);
    }

    internal long NextId() => _nextId++;

    internal void Own(IDisposable disposable) => _owned.Add(disposable);

    internal static Socket NewSocket(SocketBuffers buffers)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
        if (buffers.SendBytes > 0)
        {
            socket.SendBufferSize = buffers.SendBytes;
        }

        if (buffers.ReceiveBytes > 0)
        {
            socket.ReceiveBufferSize = buffers.ReceiveBytes; // a listener's is inherited by accepted sockets
        }

        return socket;
    }

    internal static IPAddress ParseAddress(string address) =>
        address is "*" or NetEndpoint.AnyAddress ? IPAddress.Any
        : address == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(address, out var ip) ? ip
        : throw new TransportException(TransportError.InvalidArgument, $"not an IPv4 address: {address}");

    internal static NetEndpoint ToEndpoint(EndPoint? endPoint) =>
        endPoint is IPEndPoint ip ? new NetEndpoint(ip.Address.ToString(), ip.Port)
            : new NetEndpoint(NetEndpoint.AnyAddress, 0);
}
