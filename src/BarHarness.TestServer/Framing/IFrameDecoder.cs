namespace BarHarness.TestServer.Framing;

/// <summary>
/// Turns a byte stream, fed in chunks of any size, into frames. Never throws on any input: bad
/// bytes become <see cref="FrameRejected"/> events for the oracle to judge.
/// </summary>
public interface IFrameDecoder
{
    /// <summary>Total bytes fed so far.</summary>
    long BytesFed { get; }

    /// <summary>Bytes held in an unfinished frame.</summary>
    long PendingBytes { get; }

    void Feed(ReadOnlySpan<byte> chunk, ICollection<FrameEvent> output);

    /// <summary>The stream ended (FIN, RST or server close): report what was left mid-message.</summary>
    void Finish(ICollection<FrameEvent> output);
}
