namespace BarHarness.TestServer.Framing;

/// <summary>
/// Picks the framing from the first byte of a connection: a JSON text starts with '{', '[' or
/// whitespace, while a length prefix under 16 MiB starts with a byte 0x00. Anything else is taken as
/// newline-delimited so that junk is judged message by message rather than swallowed whole.
/// </summary>
public sealed class AutoDetectFrameDecoder : IFrameDecoder
{
    private readonly FrameLimits _limits;
    private IFrameDecoder? _inner;

    public AutoDetectFrameDecoder(FrameLimits? limits = null) => _limits = limits ?? new FrameLimits();

    public FramingKind Detected => _inner switch
    {
        LengthPrefixFrameDecoder => FramingKind.LengthPrefixed,
        NewlineFrameDecoder => FramingKind.NewlineDelimited,
        _ => FramingKind.AutoDetect,
    };

    public long BytesFed => _inner?.BytesFed ?? 0;

    public long PendingBytes => _inner?.PendingBytes ?? 0;

    public static FramingKind Classify(byte first) =>
        first < 0x04 ? FramingKind.LengthPrefixed : FramingKind.NewlineDelimited;

    public void Feed(ReadOnlySpan<byte> chunk, ICollection<FrameEvent> output)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        _inner ??= FrameDecoderFactory.Create(Classify(chunk[0]), _limits);
        _inner.Feed(chunk, output);
    }

    public void Finish(ICollection<FrameEvent> output) => _inner?.Finish(output);
}
