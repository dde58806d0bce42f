namespace BarHarness.TestServer.Serve;

public sealed record ServeOptions
{
    public const int DefaultPort = 8765;

    /// <summary>127.0.0.1:8765, the widget's default.</summary>
    public NetEndpoint Endpoint { get; init; } = NetEndpoint.Loopback(DefaultPort);

    /// <summary>Binding anything but loopback exposes the game's data to the network: only when asked
    /// explicitly.</summary>
    public bool AllowNonLoopback { get; init; }

    public FramingKind Framing { get; init; } = FramingKind.AutoDetect;

    /// <summary>Where to record the stream as .jsonl (null = do not record).</summary>
    public string? RecordPath { get; init; }

    public FaultSchedule? Schedule { get; init; }

    public OracleOptions Oracle { get; init; } = new();

    /// <summary>Seed for the faults' random draws (toxicity, jitter, garbage bytes).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Window over which messages/s and bytes/s are averaged.</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromSeconds(5);

    public SocketBuffers? Buffers { get; init; }
}
