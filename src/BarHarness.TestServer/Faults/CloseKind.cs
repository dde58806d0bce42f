namespace BarHarness.TestServer.Faults;

public enum CloseKind
{
    None,

    /// <summary>
    /// close(2): FIN after queued bytes (the transport turns it into an RST if unread bytes remain, as Linux does).
    /// </summary>
    Graceful,

    /// <summary>SO_LINGER 0 + close: RST, queued bytes dropped.</summary>
    Reset,
}
