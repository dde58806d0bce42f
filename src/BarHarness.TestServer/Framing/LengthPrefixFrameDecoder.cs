namespace BarHarness.TestServer.Framing;

/// <summary>
/// 4-byte big-endian length, then that many payload bytes. A length of zero or over the limit means
/// the framing is lost for good (there is no way to find the next boundary), so the decoder reports
/// it once and then only counts the bytes it discards.
/// </summary>
public sealed class LengthPrefixFrameDecoder : IFrameDecoder
{
    private const int HeaderBytes = 4;
    private readonly FrameLimits _limits;
    private readonly byte[] _header = new byte[HeaderBytes];
    private int _headerFill;
    private byte[]? _payload;
    private int _payloadFill;
    private long _frameStart;
    private bool _lost;

    public LengthPrefixFrameDecoder(FrameLimits? limits = null) => _limits = limits ?? new FrameLimits();

    public long BytesFed { get; private set; }

    public long PendingBytes => _lost ? 0 : _headerFill + _payloadFill;

    /// <summary>Bytes thrown away after the framing was lost.</summary>
    public long BytesDiscarded { get; private set; }

    public void Feed(ReadOnlySpan<byte> chunk, ICollection<FrameEvent> output)
    {
        while (!chunk.IsEmpty)
        {
            if (_lost)
            {
                BytesDiscarded += chunk.Length;
                BytesFed += chunk.Length;
                return;
            }

            if (_payload is null)
            {
                var take = Math.Min(HeaderBytes - _headerFill, chunk.Length);
                chunk[..take].CopyTo(_header.AsSpan(_headerFill));
                _headerFill += take;
                BytesFed += take;
                chunk = chunk[take..];
                if (_headerFill == HeaderBytes)
                {
                    StartPayload(output);
                }

                continue;
            }

            var want = Math.Min(_payload.Length - _payloadFill, chunk.Length);
            chunk[..want].CopyTo(_payload.AsSpan(_payloadFill));
            _payloadFill += want;
            BytesFed += want;
            chunk = chunk[want..];
            if (_payloadFill == _payload.Length)
            {
                output.Add(new FrameDecoded(_frameStart, _payload));
                NextFrame();
            }
        }
    }

    public void Finish(ICollection<FrameEvent> output)
    {
        var pending = PendingBytes;
        if (pending > 0)
        {
            var detail = _payload is null
                ? $"{_headerFill} of 4 length-prefix bytes"
                : $"{_payloadFill} of {_payload.Length} payload bytes (+4 prefix)";
            output.Add(new FrameRejected(_frameStart, FrameFault.Truncated, pending, detail));
        }

        NextFrame();
    }

    private void StartPayload(ICollection<FrameEvent> output)
    {
        var length = BinaryPrimitives.ReadUInt32BigEndian(_header);
        if (length == 0 || length > (uint)_limits.MaxFrameBytes)
        {
            _lost = true;
            output.Add(new FrameRejected(
                _frameStart,
                FrameFault.BadLengthPrefix,
                HeaderBytes,
                $"length prefix {length} (allowed 1..{_limits.MaxFrameBytes}); framing lost"));
            _headerFill = 0;
            return;
        }

        _payload = new byte[length];
        _payloadFill = 0;
    }

    private void NextFrame()
    {
        _headerFill = 0;
        _payload = null;
        _payloadFill = 0;
        _frameStart = BytesFed;
    }
}
