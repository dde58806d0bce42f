namespace BarHarness.TestServer.Server;

/// <summary>Bytes as they arrived at the server: which connection, when (virtual µs), what.</summary>
public sealed record ReceivedChunk(long ConnectionId, long ArrivalMicros, byte[] Bytes);
