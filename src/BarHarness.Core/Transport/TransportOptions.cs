namespace BarHarness.Core.Transport;

/// <summary>Per-socket buffer sizes (SO_SNDBUF / SO_RCVBUF as asked; the real kernel may round or double
/// them).</summary>
public sealed record SocketBuffers(int SendBytes, int ReceiveBytes)
{
    public const int DefaultBytes = 64 * 1024;

    public static readonly SocketBuffers Default = new(DefaultBytes, DefaultBytes);

    /// <summary>Real sockets: leave SO_SNDBUF / SO_RCVBUF to the kernel (and its autotuning).</summary>
    public static readonly SocketBuffers Kernel = new(0, 0);
}

/// <summary>Settings shared by every socket of a transport.</summary>
public sealed record TransportOptions
{
    /// <summary>Buffers for sockets that do not ask for their own.</summary>
    public SocketBuffers Buffers { get; init; } = SocketBuffers.Default;

    /// <summary>Simulated: virtual time from connect to the handshake's outcome (established or refused).</summary>
    public long ConnectDelayMicros { get; init; } = 200;

    /// <summary>Simulated: one-way delay of data, FIN and RST (0 = delivered within the same pump, like
    /// loopback).</summary>
    public long LatencyMicros { get; init; }

    /// <summary>Real: the longest wall time a "blocking" wait may take (the harness never really freezes).</summary>
    public TimeSpan RealWaitCap { get; init; } = TimeSpan.FromMilliseconds(200);
}
