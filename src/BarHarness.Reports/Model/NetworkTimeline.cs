namespace BarHarness.Reports.Model;

/// <summary>
/// The run's network, in order and from both ends: the widget's sockets (each connect with its target
/// and result, the handshake, first bytes, closes), the server's accepts and the fault windows; and
/// the counts that explain a stuck stream. <see cref="Story"/> says it in one sentence.
/// </summary>
/// <param name="Entries">Events in game-time order, at most <see cref="MaxEntries"/>.</param>
/// <param name="EntriesLeftOut">Events past the bound, counted but not listed.</param>
/// <param name="SocketsCreated">Calls to <c>socket.tcp()</c>.</param>
/// <param name="ConnectAttempts">Calls to <c>connect</c> (denied ones included).</param>
/// <param name="Connections">Connections the widget saw established.</param>
/// <param name="ServerAccepts">Connections the test server accepted.</param>
/// <param name="WidgetBytesSent">Bytes the widget's <c>send</c> calls handed over.</param>
/// <param name="WidgetBytesReceived">Bytes the widget's <c>receive</c> calls returned.</param>
/// <param name="SendCalls">Calls to <c>send</c>.</param>
/// <param name="ReceiveCalls">Calls to <c>receive</c>.</param>
/// <param name="SelectsForReading">Calls to <c>socket.select</c> with a read list.</param>
/// <param name="SelectsForWriting">Calls to <c>socket.select</c> with a write list.</param>
/// <param name="Story">What happened, in words, from the figures above.</param>
public sealed record NetworkTimeline(
    IReadOnlyList<NetworkTimelineEntry> Entries,
    int EntriesLeftOut,
    int SocketsCreated,
    int ConnectAttempts,
    int Connections,
    long ServerAccepts,
    long WidgetBytesSent,
    long WidgetBytesReceived,
    long SendCalls,
    long ReceiveCalls,
    long SelectsForReading,
    long SelectsForWriting,
    string Story)
{
    /// <summary>The most entries a report lists.</summary>
    public const int MaxEntries = 1000;

    public static NetworkTimeline None { get; } =
        new([], 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "no network activity recorded");

    /// <summary>The widget touched the network at all (made a socket).</summary>
    public bool WidgetUsedNetwork => SocketsCreated > 0;
}

/// <summary>One event of the network timeline.</summary>
/// <param name="GameSeconds">Game time.</param>
/// <param name="Side"><c>widget</c>, <c>server</c> or <c>fault</c>.</param>
/// <param name="Event">
/// What happened, e.g. <c>connect</c>, <c>connected</c>, <c>first byte sent</c>, <c>accept</c>.
/// </param>
/// <param name="Detail">Target, return values, byte counts.</param>
public sealed record NetworkTimelineEntry(double GameSeconds, string Side, string Event, string Detail);
