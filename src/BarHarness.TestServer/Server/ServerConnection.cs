namespace BarHarness.TestServer.Server;

/// <summary>The server's side of one accepted connection: bytes read but not yet "arrived" (latency), bytes to write, a
/// pending close.</summary>
internal sealed class ServerConnection(IConnection socket, IFrameDecoder decoder, long acceptedAtMicros)
{
    public IConnection Socket { get; } = socket;

    public IFrameDecoder Decoder { get; } = decoder;

    public long Id => Socket.Id;

    public long AcceptedAtMicros { get; } = acceptedAtMicros;

    public long BytesRead { get; set; }

    public long BytesWritten { get; set; }

    public bool PeerFinished { get; set; }

    /// <summary>The socket is closed (by us) or dead (peer reset); arrivals may still be draining.</summary>
    public bool SocketDone { get; set; }

    public long? SocketDoneAtMicros { get; set; }

    public CloseKind PendingClose { get; set; }

    public long PendingCloseAtMicros { get; set; }

    public long LastArrivalMicros { get; set; }

    public Queue<ReceivedChunk> InTransit { get; } = new();

    public Queue<PendingWrite> Outgoing { get; } = new();

    /// <summary>Bytes handed to <see cref="TestServer.Send"/> this tick, queued with the faults' write delay.</summary>
    public List<byte[]> ToSend { get; } = [];

    /// <summary>Close gracefully once <see cref="Outgoing"/> is empty (a proxy's consumer ended its side).</summary>
    public bool CloseWhenFlushed { get; set; }

    public void ScheduleClose(CloseKind kind, long atMicros)
    {
        if (kind == CloseKind.None)
        {
            return;
        }

        if (PendingClose == CloseKind.None || atMicros < PendingCloseAtMicros)
        {
            PendingCloseAtMicros = atMicros;
        }

        if (kind == CloseKind.Reset || PendingClose == CloseKind.None)
        {
            PendingClose = kind;
        }
    }
}

/// <summary>Bytes a fault wants written, not before <see cref="ReleaseAtMicros"/>; <see cref="Offset"/> advances on
/// partial writes.</summary>
internal sealed class PendingWrite(long releaseAtMicros, byte[] bytes)
{
    public long ReleaseAtMicros { get; } = releaseAtMicros;

    public byte[] Bytes { get; } = bytes;

    public int Offset { get; set; }
}
