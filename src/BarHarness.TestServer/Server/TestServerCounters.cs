namespace BarHarness.TestServer.Server;

/// <summary>What the server saw, for reports and live display. Messages, gaps and violations live in the oracle's
/// stats.</summary>
public sealed record TestServerCounters(
    long ConnectionsAccepted,
    int OpenConnections,
    long BytesRead,
    long BytesWritten,
    long ClosedByServer,
    long ResetByServer,
    long EndedByPeerFin,
    long EndedByPeerReset,
    long ListenerClosures,
    long ConnectedMicros,
    bool Listening);
