namespace BarHarness.Core.Transport;

/// <summary>
/// One end of a TCP connection, always non-blocking: calls never wait, they report what the
/// buffers allow right now. Client ends come from <see cref="ITransport.Connect"/>, server ends
/// from <see cref="IListener.TryAccept"/>. Bytes move between the ends when the transport is
/// pumped (simulated) or by the kernel (real).
/// </summary>
public interface IConnection
{
    /// <summary>Unique per transport, in creation order (deterministic in the simulated backend).</summary>
    long Id { get; }

    NetEndpoint LocalEndpoint { get; }

    NetEndpoint RemoteEndpoint { get; }

    ConnectionState State { get; }

    /// <summary>Virtual time (µs) when this end was created (connect called, or handshake completed for accepted
    /// ends).</summary>
    long CreatedAtMicros { get; }

    /// <summary>Bytes a <see cref="Read"/> would return now.</summary>
    int Available { get; }

    /// <summary>Bytes a <see cref="Write"/> would accept now (0 while connecting or when the send buffer is
    /// full).</summary>
    int WritableBytes { get; }

    /// <summary>Bytes written here and not yet acknowledged by the peer's kernel (still in this end's send
    /// buffer).</summary>
    int QueuedOutbound { get; }

    /// <summary>This end shut its sending half down (FIN queued or sent).</summary>
    bool SendShutdown { get; }

    /// <summary>The peer's FIN arrived: once <see cref="Available"/> is 0, reads report end of stream.</summary>
    bool PeerFinished { get; }

    ConnectionCounters Counters { get; }

    /// <summary>Copies up to <c>into.Length</c> received bytes. Unread bytes stay buffered (and hold the peer back once
    /// the buffer is full).</summary>
    TransferResult Read(Span<byte> into);

    /// <summary>Queues as many bytes as the send buffer has room for; partial writes are normal.</summary>
    TransferResult Write(ReadOnlySpan<byte> data);

    /// <summary>Half-close (shutdown(2)).</summary>
    void Shutdown(ShutdownDirection direction);

    /// <summary>
    /// Graceful close (close(2)): queued bytes are still delivered, then a FIN. As on Linux, if unread
    /// bytes sit in this end's receive buffer (or arrive later), the peer gets a reset instead.
    /// </summary>
    void Close();

    /// <summary>Abortive close (SO_LINGER 0 + close): queued bytes are dropped and the peer gets an RST.</summary>
    void Reset();
}
