namespace BarHarness.TestServer.Framing;

public static class FrameDecoderFactory
{
    public static IFrameDecoder Create(FramingKind kind, FrameLimits? limits = null) => kind switch
    {
        FramingKind.NewlineDelimited => new NewlineFrameDecoder(limits),
        FramingKind.LengthPrefixed => new LengthPrefixFrameDecoder(limits),
        _ => new AutoDetectFrameDecoder(limits),
    };
}
