namespace BarHarness.Transport;

/// <summary>What a write answers from the connection's state alone, before any byte moves; both transports
/// agree.</summary>
internal static class ConnectionGate
{
    /// <summary>The answer send(2) gives in that state, or null when bytes may move.</summary>
    public static TransferResult? BeforeWrite(ConnectionState state, bool sendShutdown) => state switch
    {
        ConnectionState.Closed or ConnectionState.Refused => TransferResult.Failed(TransferOutcome.NotConnected),
        ConnectionState.Reset => TransferResult.Failed(TransferOutcome.ConnectionReset),
        ConnectionState.Connecting => TransferResult.WouldBlock,
        _ when sendShutdown => TransferResult.Failed(TransferOutcome.NotConnected),
        _ => null,
    };
}
