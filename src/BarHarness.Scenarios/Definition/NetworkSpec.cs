namespace BarHarness.Scenarios.Definition;

/// <summary>The transport between widget and test server and the server's initial state.</summary>
/// <param name="Mode">Simulated (deterministic, default) or real loopback TCP.</param>
/// <param name="Host">Where the test server listens (and the widget should connect).</param>
/// <param name="Port">Test server port (default 8765, the widget's default).</param>
/// <param name="Framing">What the test server expects: newline JSON, length-prefixed, or auto-detect.</param>
/// <param name="ClientBufferBytes">Simulated send buffer of the widget's socket.</param>
/// <param name="ServerBufferBytes">Simulated receive buffer of the server's socket.</param>
/// <param name="ConnectDelaySeconds">Time a connect takes to complete (SYN/ACK round trip).</param>
/// <param name="ServerUpAtStart">False (<c>server: down</c>): nothing listens for the whole run, connections are
/// refused; to start down and come up later use a <c>down</c> fault from 0 s.</param>
public sealed record NetworkSpec(
    NetworkMode Mode,
    string Host,
    int Port,
    Framing Framing,
    int ClientBufferBytes,
    int ServerBufferBytes,
    double ConnectDelaySeconds,
    bool ServerUpAtStart)
{
    public const int DefaultPort = 8765;
    public const int DefaultBufferBytes = 64 * 1024;
    public const string DefaultHost = "127.0.0.1";

    public static NetworkSpec Default { get; } =
        new(
            NetworkMode.Sim,
            DefaultHost,
            DefaultPort,
            Framing.Auto,
            DefaultBufferBytes,
            DefaultBufferBytes,
            0.001,
            true);
}

public enum NetworkMode
{
    /// <summary>In-process simulated TCP on the virtual clock (deterministic).</summary>
    Sim,

    /// <summary>Real loopback TCP sockets (for checking the simulation; not deterministic).</summary>
    Real,
}

/// <summary>How messages are delimited on the wire (the widget's <c>framing</c> option).</summary>
public enum Framing
{
    /// <summary>The server detects the widget's framing from the first bytes.</summary>
    Auto,

    /// <summary>Newline-delimited JSON.</summary>
    Newline,

    /// <summary>4-byte big-endian length prefix.</summary>
    Length,
}
