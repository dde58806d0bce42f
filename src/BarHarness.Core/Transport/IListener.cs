namespace BarHarness.Core.Transport;

/// <summary>
/// A listening socket. As in the kernel, handshakes complete without <see cref="TryAccept"/>:
/// a client is "connected" (and may fill buffers) while it waits in the backlog. When the
/// backlog is full, further connects stay in progress until a slot frees.
/// </summary>
public interface IListener
{
    NetEndpoint LocalEndpoint { get; }

    int Backlog { get; }

    bool IsOpen { get; }

    /// <summary>Completed handshakes waiting to be accepted.</summary>
    int PendingCount { get; }

    /// <summary>The oldest pending connection, or null when none is waiting.</summary>
    IConnection? TryAccept();

    /// <summary>Stops listening: later connects are refused, pending unaccepted connections are reset.</summary>
    void Close();
}
