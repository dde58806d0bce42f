namespace BarHarness.TestServer.Faults;

/// <summary>
/// One accepted connection as a fault sees it for one tick. Faults only narrow what the server
/// would do (read less, deliver later, close); the most restrictive request of all active faults wins.
/// </summary>
public sealed class ConnectionLever(
    long id,
    long acceptedAtMicros,
    long bytesRead,
    long bytesWritten,
    bool peerFinished,
    Func<Type, object> state)
{
    public long Id { get; } = id;

    public long AcceptedAtMicros { get; } = acceptedAtMicros;

    /// <summary>Bytes the server has read from this connection so far.</summary>
    public long BytesRead { get; } = bytesRead;

    /// <summary>Bytes the server has written to this connection so far.</summary>
    public long BytesWritten { get; } = bytesWritten;

    public bool PeerFinished { get; } = peerFinished;

    /// <summary>Most bytes the server may read this tick.</summary>
    public long ReadBudget { get; private set; } = long.MaxValue;

    /// <summary>Largest piece the server reads at once (shapes arrival into slices).</summary>
    public int ReadChunk { get; private set; } = int.MaxValue;

    /// <summary>Extra delay before bytes read this tick count as arrived.</summary>
    public long ArrivalDelayMicros { get; private set; }

    public long WriteBudget { get; private set; } = long.MaxValue;

    public long WriteDelayMicros { get; private set; }

    public CloseKind CloseRequested { get; private set; }

    /// <summary>Delay applied to any close of this connection (slow_close).</summary>
    public long CloseDelayMicros { get; private set; }

    public List<byte[]> Writes { get; } = [];

    public void LimitRead(long bytes) => ReadBudget = Math.Min(ReadBudget, Math.Max(0, bytes));

    public void LimitReadChunk(int bytes) => ReadChunk = Math.Min(ReadChunk, Math.Max(1, bytes));

    public void DelayArrival(long micros) => ArrivalDelayMicros += Math.Max(0, micros);

    public void LimitWrite(long bytes) => WriteBudget = Math.Min(WriteBudget, Math.Max(0, bytes));

    public void DelayWrite(long micros) => WriteDelayMicros += Math.Max(0, micros);

    public void Close() => CloseRequested = CloseRequested == CloseKind.Reset ? CloseKind.Reset : CloseKind.Graceful;

    public void Reset() => CloseRequested = CloseKind.Reset;

    public void DelayClose(long micros) => CloseDelayMicros = Math.Max(CloseDelayMicros, micros);

    public void Write(byte[] bytes) => Writes.Add(bytes);

    /// <summary>State this fault activation keeps for this connection across ticks.</summary>
    public T State<T>()
        where T : class, new() => (T)state(typeof(T));
}
