namespace BarHarness.Reports.Exporters.Html;

/// <summary>index.html: the network timeline (story, counts, events in order) of one scenario.</summary>
internal static class HtmlNetworkTimelineSection
{
    public static void Write(StringBuilder html, NetworkTimeline t)
    {
        html.Append("<h4>Network timeline</h4><p class=\"story\">").Append(HtmlText.Escape(t.Story)).Append(".</p>");
        HtmlTable.Write(
            html,
            [
                "sockets", "connects", "connected", "server accepts", "bytes sent", "bytes received", "sends",
                "receives", "selects (read)", "selects (write)",
            ],
            [
                new HtmlRow(new long[]
                {
                    t.SocketsCreated, t.ConnectAttempts, t.Connections, t.ServerAccepts, t.WidgetBytesSent,
                    t.WidgetBytesReceived, t.SendCalls, t.ReceiveCalls, t.SelectsForReading, t.SelectsForWriting,
                }.Select(ReportFormat.Count).ToList()),
            ]);
        HtmlTable.Write(
            html,
            ["game time", "side", "event", "detail"],
            t.Entries.Select(e => new HtmlRow(
                [e.GameSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s", e.Side, e.Event, e.Detail],
                e.Event is "connect failed" or "closed by peer" || e.Side == "fault" ? "fail" : null)));
        if (t.EntriesLeftOut > 0)
        {
            html.Append("<p>").Append(ReportFormat.Count(t.EntriesLeftOut)).Append(" later events left out (at most ")
                .Append(ReportFormat.Count(NetworkTimeline.MaxEntries)).Append(" listed).</p>");
        }
    }
}
