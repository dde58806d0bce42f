namespace BarHarness.TestServer.Framing;

/// <summary>Bounds a decoder keeps so that hostile input cannot make it hold unbounded memory.</summary>
public sealed record FrameLimits(int MaxFrameBytes = FrameLimits.DefaultMaxFrameBytes)
{
    /// <summary>1 MiB: far above any sane snapshot of a BAR game, far below memory trouble.</summary>
    public const int DefaultMaxFrameBytes = 1 << 20;
}
