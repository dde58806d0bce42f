namespace BarHarness.Transport.Real;

/// <param name="sendBytes">SO_SNDBUF for accepted sockets (0: the kernel's default).</param>
internal sealed class RealListener(RealNetwork network, Socket socket, int backlog, int sendBytes)
    : IListener, IDisposable
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
            if (sendBytes > 0)
            {
                accepted.SendBufferSize = sendBytes;
            }

            var connection = new RealConnection(
                network.NextId(),
                accepted,
                RealNetwork.ToEndpoint(accepted.RemoteEndPoint),
                ConnectionState.Established,
                network.Clock.NowMicros);
            network.Own(connection);
            return connection;
        }
        catch (SocketException e) when (e.SocketErrorCode
            is SocketError.WouldBlock or SocketError.ConnectionAborted or SocketError.ConnectionReset)
        {
            return null; // nothing waiting, or a client that gave up before we took it
        }
    }

    public void Close()
    {
        IsOpen = false;
        socket.Dispose();
    }

    public void Dispose() => Close();
}
