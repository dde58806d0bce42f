using System.Security.Cryptography;

namespace BarHarness.TestServer.Server;

/// <summary>
/// The received stream: chunks with arrival times, a SHA-256 of the bytes alone (equal seeds, equal
/// bytes) and one of bytes with their connection and arrival time (equal timing too).
/// </summary>
public sealed class StreamRecording : IDisposable
{
    private readonly IncrementalHash _bytesHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash _timedHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<ReceivedChunk> _chunks = [];
    private readonly bool _keepChunks;
    private string? _bytesHex;
    private string? _timedHex;

    public StreamRecording(bool keepChunks) => _keepChunks = keepChunks;

    public IReadOnlyList<ReceivedChunk> Chunks => _chunks;

    public long TotalBytes { get; private set; }

    /// <summary>SHA-256 (hex) of every received byte in arrival order.</summary>
    public string StreamHash => _bytesHex ??= Convert.ToHexStringLower(Clone(_bytesHash));

    /// <summary>SHA-256 (hex) of (connection, arrival µs, length, bytes) for every chunk.</summary>
    public string TimedStreamHash => _timedHex ??= Convert.ToHexStringLower(Clone(_timedHash));

    public void Add(ReceivedChunk chunk)
    {
        _bytesHash.AppendData(chunk.Bytes);
        Span<byte> header = stackalloc byte[20];
        BinaryPrimitives.WriteInt64LittleEndian(header, chunk.ConnectionId);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], chunk.ArrivalMicros);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], chunk.Bytes.Length);
        _timedHash.AppendData(header);
        _timedHash.AppendData(chunk.Bytes);
        TotalBytes += chunk.Bytes.Length;
        _bytesHex = _timedHex = null;
        if (_keepChunks)
        {
            _chunks.Add(chunk);
        }
    }

    public void Dispose()
    {
        _bytesHash.Dispose();
        _timedHash.Dispose();
    }

    private static byte[] Clone(IncrementalHash hash) => hash.GetCurrentHash();
}
