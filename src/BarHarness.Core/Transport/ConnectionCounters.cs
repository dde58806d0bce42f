namespace BarHarness.Core.Transport;

/// <summary>
/// Byte accounting of one end of a connection. For the stream from end A to end B:
/// A.BytesWritten = B.BytesRead + A.BytesLostAtReset + bytes still queued somewhere between them.
/// </summary>
/// <param name="BytesWritten">Bytes this end's writes accepted into its send buffer.</param>
/// <param name="BytesRead">Bytes this end's reads returned to the application.</param>
/// <param name="BytesLostAtReset">Bytes this end wrote that were thrown away by a reset (either side's) before the peer
/// read them.</param>
public sealed record ConnectionCounters(long BytesWritten, long BytesRead, long BytesLostAtReset)
{
    public static readonly ConnectionCounters Zero = new(0, 0, 0);
}
