namespace BarHarness.TestServer.Server;

public sealed record TestServerOptions
{
    /// <summary>Where to listen; the widget's default is 127.0.0.1:8765. Port 0 picks a free port (kept across
    /// restarts).</summary>
    public NetEndpoint Endpoint { get; init; } = NetEndpoint.Loopback(8765);

    public int Backlog { get; init; } = 32;

    /// <summary>Socket buffers of accepted connections (null = the transport's default).</summary>
    public SocketBuffers? Buffers { get; init; }

    public FramingKind Framing { get; init; } = FramingKind.AutoDetect;

    public FrameLimits Limits { get; init; } = new();

    /// <summary>Largest single read; keeps one tick's work bounded when a fault has no read limit.</summary>
    public int ReadChunkBytes { get; init; } = 64 * 1024;

    /// <summary>Keep every received chunk with its arrival time (the hash is kept either way).</summary>
    public bool RecordChunks { get; init; } = true;
}
