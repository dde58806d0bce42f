namespace BarHarness.Core.Transport;

/// <summary>
/// Where a connection is in its life, seen from one end. Half-closes are not states: see
/// <see cref="IConnection.SendShutdown"/> and <see cref="IConnection.PeerFinished"/>.
/// </summary>
public enum ConnectionState
{
    /// <summary>Handshake under way (a non-blocking connect said EINPROGRESS).</summary>
    Connecting,

    /// <summary>Handshake done; bytes may flow (possibly only one way after a half-close).</summary>
    Established,

    /// <summary>Nobody listened: the connect failed with ECONNREFUSED. Terminal.</summary>
    Refused,

    /// <summary>This end closed the socket (gracefully or by reset). Terminal.</summary>
    Closed,

    /// <summary>The peer reset the connection (RST arrived). Unread data may still be readable once.
    /// Terminal.</summary>
    Reset,
}
