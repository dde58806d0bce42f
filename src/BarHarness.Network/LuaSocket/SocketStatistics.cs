namespace BarHarness.Network.LuaSocket;

/// <summary>What the widget did with its sockets, for the report and the byte accounting.</summary>
public sealed class SocketStatistics
{
    private readonly List<BlockingCall> _blockingCalls = [];

    /// <summary>Bytes the widget asked <c>send</c> to send (the i..j range of every call).</summary>
    public long BytesOffered { get; internal set; }

    /// <summary>Bytes <c>send</c> accepted (handed to the transport).</summary>
    public long BytesSent { get; internal set; }

    /// <summary>Bytes <c>receive</c> returned to the widget.</summary>
    public long BytesReceived { get; internal set; }

    public int ConnectAttempts { get; internal set; }

    public int ConnectDenied { get; internal set; }

    /// <summary>Blocking calls kept with their tracebacks: the first ones, so a long run stays bounded.</summary>
    public const int MaxKeptBlockingCalls = 100;

    /// <summary>
    /// The first <see cref="MaxKeptBlockingCalls"/> blocking calls; <see cref="BlockingCallCount"/> counts all.
    /// </summary>
    public IReadOnlyList<BlockingCall> BlockingCalls => _blockingCalls;

    public long BlockingCallCount { get; private set; }

    internal void Record(BlockingCall call)
    {
        BlockingCallCount++;
        if (_blockingCalls.Count < MaxKeptBlockingCalls)
        {
            _blockingCalls.Add(call);
        }
    }
}
