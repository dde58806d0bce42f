namespace BarHarness.TestServer.Framing;

/// <summary>The two framings the widget offers, plus detection from the first byte of a connection.</summary>
public enum FramingKind
{
    AutoDetect,
    NewlineDelimited,
    LengthPrefixed,
}
