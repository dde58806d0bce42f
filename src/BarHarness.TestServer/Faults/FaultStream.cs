namespace BarHarness.TestServer.Faults;

/// <summary>Toxiproxy's directions: upstream = widget to server, downstream = server to widget.</summary>
public enum FaultStream
{
    Upstream,
    Downstream,
}
