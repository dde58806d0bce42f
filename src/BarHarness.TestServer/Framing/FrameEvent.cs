namespace BarHarness.TestServer.Framing;

/// <summary>What an incremental decoder found in the byte stream, at a byte offset of that stream.</summary>
public abstract record FrameEvent(long StreamOffset);

/// <summary>One complete message payload (framing stripped).</summary>
public sealed record FrameDecoded(long StreamOffset, byte[] Payload) : FrameEvent(StreamOffset);

/// <summary>Bytes the decoder could not turn into a message, and why.</summary>
public sealed record FrameRejected(
    long StreamOffset,
    FrameFault Fault,
    long ByteCount,
    string Detail) : FrameEvent(StreamOffset);

public enum FrameFault
{
    /// <summary>A frame longer than the decoder's limit; its bytes were discarded.</summary>
    Oversize,

    /// <summary>The stream ended inside a frame: these bytes were lost mid-message.</summary>
    Truncated,

    /// <summary>A length prefix that cannot be right (zero or over the limit): the rest of the stream is
    /// unreadable.</summary>
    BadLengthPrefix,
}
