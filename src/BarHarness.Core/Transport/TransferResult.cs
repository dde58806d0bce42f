namespace BarHarness.Core.Transport;

/// <summary>How a read or write on a non-blocking connection ended.</summary>
public enum TransferOutcome
{
    /// <summary>At least one byte moved (a write may be partial: compare <see cref="TransferResult.Bytes"/> with the
    /// request).</summary>
    Transferred,

    /// <summary>Nothing moved now (receive buffer empty, send buffer full, or still connecting): try later.
    /// EAGAIN.</summary>
    WouldBlock,

    /// <summary>Read side: the peer's FIN arrived and every byte before it was read. recv() returned 0.</summary>
    EndOfStream,

    /// <summary>RST received, or writing into a connection the peer has closed (EPIPE/ECONNRESET).</summary>
    ConnectionReset,

    /// <summary>This end shut that direction down or closed the socket, or the connect never succeeded.</summary>
    NotConnected,
}

/// <summary>The result of <see cref="IConnection.Read"/> or <see cref="IConnection.Write"/>.</summary>
public readonly record struct TransferResult(int Bytes, TransferOutcome Outcome)
{
    public static TransferResult Moved(int bytes) => new(bytes, TransferOutcome.Transferred);

    public static TransferResult Failed(TransferOutcome outcome) => new(0, outcome);

    public static readonly TransferResult WouldBlock = new(0, TransferOutcome.WouldBlock);
}
