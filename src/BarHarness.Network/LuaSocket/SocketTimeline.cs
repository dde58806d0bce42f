using System.Globalization;

namespace BarHarness.Network.LuaSocket;

/// <summary>
/// The widget's side of the network, in order: each socket made, each connect with its target and
/// result, the handshake, the first byte each way, closes by either end; and counts of the calls
/// that say what a stuck widget was doing (selects for reading or writing, sends, receives). Events
/// are kept up to <see cref="MaxEvents"/>; later ones are counted in <see cref="EventsLeftOut"/>.
/// </summary>
public sealed class SocketTimeline
{
    /// <summary>The most events kept (a widget reconnecting every second for two hours stays bounded).</summary>
    public const int MaxEvents = 1000;

    private readonly List<SocketTimelineEvent> _events = [];
    private readonly Dictionary<int, SocketProgress> _sockets = [];
    private readonly Func<long> _now;

    public SocketTimeline(Func<long> nowMicros)
    {
        _now = nowMicros;
    }

    /// <summary>The current game frame, for event stamps (set by the host).</summary>
    public Func<int?>? GameFrameSource { get; set; }

    public IReadOnlyList<SocketTimelineEvent> Events => _events;

    public int EventsLeftOut { get; private set; }

    public int SocketsCreated { get; private set; }

    public int ConnectAttempts { get; private set; }

    public int Connections { get; private set; }

    /// <summary>Calls to <c>socket.select</c> that asked about readability (a non-empty read list).</summary>
    public long SelectsForReading { get; private set; }

    /// <summary>Calls to <c>socket.select</c> that asked about writability (a non-empty write list).</summary>
    public long SelectsForWriting { get; private set; }

    public long SendCalls { get; private set; }

    public long ReceiveCalls { get; private set; }

    /// <summary>Bytes <c>send</c> accepted, over every socket.</summary>
    public long BytesSent { get; private set; }

    /// <summary>Bytes <c>receive</c> took off the wire (line ends included), over every socket.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Virtual microseconds of the first event, if any.</summary>
    public long? FirstEventMicros => _events.Count > 0 ? _events[0].AtMicros : null;

    internal void Created(TcpSocket socket)
    {
        SocketsCreated++;
        _sockets[socket.Id] = new SocketProgress();
        Add(socket.Id, SocketTimelineEventKind.Created, "tcp{master}");
    }

    internal void ConnectDenied(TcpSocket socket, string host, int port, string why)
    {
        ConnectAttempts++;
        Add(socket.Id, SocketTimelineEventKind.ConnectFailed, $"{Target(host, port)} {why}");
    }

    internal void ConnectCalled(TcpSocket socket, string host, int port, LuaResult result)
    {
        ConnectAttempts++;
        var answer = result[0] is null ? "nil, \"" + result[1] + "\"" : "1 (connected)";
        Add(socket.Id, SocketTimelineEventKind.ConnectAttempt, $"{Target(host, port)} returned {answer}");
        Observe(socket);
    }

    internal void Sent(TcpSocket socket, long bytes)
    {
        SendCalls++;
        BytesSent += bytes;
        var p = Progress(socket);
        FirstBytes(socket, p.Sent, bytes, SocketTimelineEventKind.FirstByteSent, "send");
        p.Sent += bytes;
        Observe(socket);
    }

    internal void Received(TcpSocket socket, long bytes, LuaResult result)
    {
        ReceiveCalls++;
        BytesReceived += bytes;
        var p = Progress(socket);
        FirstBytes(socket, p.Received, bytes, SocketTimelineEventKind.FirstByteReceived, "receive");
        p.Received += bytes;

        if (result[1] is "closed" && !p.Ended)
        {
            p.Ended = true;
            Add(socket.Id, SocketTimelineEventKind.ClosedByPeer, "receive returned \"closed\"" + Totals(p));
        }

        Observe(socket);
    }

    internal void Selected(IReadOnlyList<TcpSocket> reads, IReadOnlyList<TcpSocket> writes)
    {
        if (reads.Count > 0)
        {
            SelectsForReading++;
        }

        if (writes.Count > 0)
        {
            SelectsForWriting++;
        }

        foreach (var s in reads.Concat(writes))
        {
            Observe(s);
        }
    }

    internal void Closing(TcpSocket socket)
    {
        if (socket.IsClosed)
        {
            return;
        }

        Observe(socket);
        var p = Progress(socket);
        p.Ended = true;
        Add(socket.Id, SocketTimelineEventKind.ClosedByWidget, "close" + Totals(p));
    }

    /// <summary>
    /// Records what the socket's connection did since the widget last looked (handshake, refusal, peer close).
    /// </summary>
    internal void Observe(TcpSocket socket)
    {
        if (socket.Connection is not { } c)
        {
            return;
        }

        var p = Progress(socket);
        if (c.State == ConnectionState.Established && !p.Connected)
        {
            p.Connected = true;
            Connections++;
            Add(socket.Id, SocketTimelineEventKind.Connected, "to " + c.RemoteEndpoint);
        }
        else if (c.State == ConnectionState.Refused && !p.Ended)
        {
            p.Ended = true;
            Add(socket.Id, SocketTimelineEventKind.ConnectFailed, "refused by " + c.RemoteEndpoint);
        }
        else if (!p.Ended && p.Connected && (c.State == ConnectionState.Reset || c.PeerFinished))
        {
            p.Ended = true;
            var how = c.State == ConnectionState.Reset ? "reset by peer" : "peer closed (FIN)";
            Add(socket.Id, SocketTimelineEventKind.ClosedByPeer, how + Totals(p));
        }
    }

    private static string Target(string host, int port) => host + ":" + port.ToString(CultureInfo.InvariantCulture);

    private static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Totals(SocketProgress p) =>
        string.Create(CultureInfo.InvariantCulture, $" after {p.Sent} bytes sent, {p.Received} received");

    private SocketProgress Progress(TcpSocket socket)
    {
        if (!_sockets.TryGetValue(socket.Id, out var p))
        {
            p = new SocketProgress();
            _sockets[socket.Id] = p;
        }

        return p;
    }

    /// <summary>The event of the first call that moves any byte in one direction (totals so far: none).</summary>
    private void FirstBytes(TcpSocket socket, long before, long bytes, SocketTimelineEventKind kind, string call)
    {
        if (bytes > 0 && before == 0)
        {
            Add(socket.Id, kind, $"{Count(bytes)} bytes in the first {call}");
        }
    }

    private void Add(int socket, SocketTimelineEventKind kind, string detail)
    {
        if (_events.Count >= MaxEvents)
        {
            EventsLeftOut++;
            return;
        }

        _events.Add(new SocketTimelineEvent(_now(), GameFrameSource?.Invoke(), socket, kind, detail));
    }

    private sealed class SocketProgress
    {
        public bool Connected { get; set; }

        public bool Ended { get; set; }

        public long Sent { get; set; }

        public long Received { get; set; }
    }
}
