using System.Net.Sockets;
using BarHarness.Core.Transport;

namespace BarHarness.Network.Real;

internal sealed class RealListener(RealNetwork network, Socket socket, int backlog) : IListener, IDisposable
{
    public NetEndpoint LocalEndpoint { get; } = RealNetwork.ToEndpoint(socket.LocalEndPoint);

    public int Backlog { get; } = backlog;

    public bool IsOpen { get; private set; } = true;

    /// <summary>The kernel does not say how many wait; this is 1 when at least one does.</summary>
    public int PendingCount => IsOpen && socket.Poll(0, SelectMode.SelectRead) ? 1 : 0;

    public IConnection? TryAccept()
    {
        if (!IsOpen)
        {
            return null;
        }

        try
        {
            var accepted = socket.Accept();
            accepted.Blocking = false;
            var connection = new RealConnection(
                network,
                network.NextId(),
                accepted,
                RealNetwork.ToEndpoint(accepted.RemoteEndPoint),
                ConnectionState.Established);
            network.Own(connection);
            return connection;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock)
        {
            return null;
        }
    }

    public void Close()
    {
        IsOpen = false;
        socket.Dispose();
    }

    public void Dispose() => Close();
}
