namespace BarHarness.Scenarios.Probes;

/// <summary>Game times at which the test server accepted a connection (from its counter, once a frame).</summary>
internal sealed class ServerAcceptLog
{
    private readonly List<double> _times = [];
    private long _seen;

    public IReadOnlyList<double> Times => _times;

    public long Accepted => _seen;

    public void Observe(double gameSeconds, long accepted)
    {
        for (; _seen < accepted; _seen++)
        {
            _times.Add(gameSeconds);
        }
    }
}

/// <summary>
/// Merges the widget's socket timeline, the server's accepts and the fault windows into the report's timeline.
/// </summary>
internal static class NetworkTimelineBuilder
{
    public static NetworkTimeline Build(
        SocketTimeline widget,
        ServerAcceptLog accepts,
        IReadOnlyList<FaultWindow> faults,
        double gameSeconds)
    {
        var entries = widget.Events
            .Select(e => new NetworkTimelineEntry(
                Seconds(e.GameFrame), "widget", EventName(e.Kind), $"#{e.Socket} {e.Detail}"))
            .Concat(accepts.Times.Select((t, i) =>
                new NetworkTimelineEntry(t, "server", "accept", $"connection {i + 1}")))
            .Concat(faults.SelectMany(f => new[]
            {
                new NetworkTimelineEntry(f.StartGameSeconds, "fault", "fault starts", f.Name),
                new NetworkTimelineEntry(f.EndGameSeconds, "fault", "fault ends", f.Name),
            }))
            .OrderBy(e => e.GameSeconds)
            .ToList();
        var kept = entries.Take(NetworkTimeline.MaxEntries).ToList();
        var timeline = new NetworkTimeline(
            kept,
            entries.Count - kept.Count + widget.EventsLeftOut,
            widget.SocketsCreated,
            widget.ConnectAttempts,
            widget.Connections,
            accepts.Accepted,
            widget.BytesSent,
            widget.BytesReceived,
            widget.SendCalls,
            widget.ReceiveCalls,
            widget.SelectsForReading,
            widget.SelectsForWriting,
            string.Empty);
        return timeline with { Story = NetworkStory.Tell(timeline, gameSeconds) };
    }

    private static double Seconds(int? frame) => (frame ?? 0) / (double)ScenarioDefinition.FramesPerSecond;

    private static string EventName(SocketTimelineEventKind kind) => kind switch
    {
        SocketTimelineEventKind.Created => "socket",
        SocketTimelineEventKind.ConnectAttempt => "connect",
        SocketTimelineEventKind.Connected => "connected",
        SocketTimelineEventKind.ConnectFailed => "connect failed",
        SocketTimelineEventKind.FirstByteSent => "first byte sent",
        SocketTimelineEventKind.FirstByteReceived => "first byte received",
        SocketTimelineEventKind.ClosedByPeer => "closed by peer",
        SocketTimelineEventKind.ClosedByWidget => "closed by widget",
        _ => kind.ToString(),
    };
}
