namespace BarHarness.Reports.Analysis;

/// <summary>
/// One sentence from a network timeline's figures, for a stream expectation that failed: whether the
/// widget made a socket, where it tried to connect and what came back, when it connected, what it sent
/// and how it polled. Every figure comes from the timeline; nothing is estimated.
/// </summary>
public static class NetworkStory
{
    public static string Tell(NetworkTimeline t, double gameSeconds)
    {
        var span = Seconds(gameSeconds);
        if (t.SocketsCreated == 0)
        {
            return $"the widget never created a socket (no socket.tcp call) in {span}";
        }

        if (t.ConnectAttempts == 0)
        {
            return $"the widget created {Count(t.SocketsCreated)} socket(s) but never called connect in {span}";
        }

        var firstConnect = t.Entries.FirstOrDefault(e => e is { Side: "widget", Event: "connect" or "connect failed" });
        var attempts = $"it called connect {Count(t.ConnectAttempts)} time(s)"
            + (firstConnect is null
                ? string.Empty
                : $" (first at {Seconds(firstConnect.GameSeconds)}: {firstConnect.Detail})");
        var accepts = $"the server accepted {Count(t.ServerAccepts)} connection(s)";
        var polls = $"it called socket.select for readability {Count(t.SelectsForReading)} times"
            + $" and for writability {Count(t.SelectsForWriting)} times, send {Count(t.SendCalls)} times";
        var connected = t.Entries.FirstOrDefault(e => e is { Side: "widget", Event: "connected" });
        if (connected is null)
        {
            return $"never connected: {attempts}; {accepts}; {polls} in {span}";
        }

        return $"connected at {Seconds(connected.GameSeconds)}; "
            + $"the widget sent {Count(t.WidgetBytesSent)} bytes in {span}; {attempts}; {accepts}; {polls}";
    }

    private static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Seconds(double s) => s.ToString("0.##", CultureInfo.InvariantCulture) + " s";
}
