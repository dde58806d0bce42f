namespace BarHarness.Network.LuaSocket;

/// <summary>What happened to one of the widget's sockets.</summary>
public enum SocketTimelineEventKind
{
    /// <summary><c>socket.tcp()</c> made a socket.</summary>
    Created,

    /// <summary><c>connect</c> was called; the detail holds the target host:port and what connect returned.</summary>
    ConnectAttempt,

    /// <summary>The handshake finished (seen at the widget's next call on the socket).</summary>
    Connected,

    /// <summary>The connect failed (refused, denied, host not found).</summary>
    ConnectFailed,

    /// <summary>The first byte <c>send</c> accepted on this socket.</summary>
    FirstByteSent,

    /// <summary>The first byte <c>receive</c> returned on this socket.</summary>
    FirstByteReceived,

    /// <summary>The peer closed (FIN) or reset the connection, as the widget's calls saw it.</summary>
    ClosedByPeer,

    /// <summary>The widget called <c>close</c>.</summary>
    ClosedByWidget,
}

/// <summary>One entry of the widget-side network timeline.</summary>
/// <param name="AtMicros">Virtual wall clock (the transport's clock) when it was seen.</param>
/// <param name="GameFrame">Game frame at the time, when the host gives one.</param>
/// <param name="Socket">The socket's handle (its <c>#N</c> in reports).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Detail">Target, return values or byte counts, as text.</param>
public sealed record SocketTimelineEvent(
    long AtMicros,
    int? GameFrame,
    int Socket,
    SocketTimelineEventKind Kind,
    string Detail);
