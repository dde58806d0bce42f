namespace BarHarness.Core.Transport;

/// <summary>Which half of a connection <see cref="IConnection.Shutdown"/> closes (SHUT_WR / SHUT_RD /
/// SHUT_RDWR).</summary>
public enum ShutdownDirection
{
    /// <summary>Stop writing: a FIN follows the bytes already queued; the peer reads them, then end of
    /// stream.</summary>
    Send,

    /// <summary>Stop reading: later reads report end of stream (Linux keeps accepting the peer's bytes).</summary>
    Receive,

    Both,
}
