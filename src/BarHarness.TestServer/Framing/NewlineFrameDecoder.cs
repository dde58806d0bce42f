namespace BarHarness.TestServer.Framing;

/// <summary>
/// Newline-delimited JSON: one message per line. A trailing CR is stripped (as LuaSocket's "*l"
/// would); empty lines are ignored. A line over the limit is discarded up to its newline and
/// reported once, so one oversized line never costs the messages that follow it.
/// </summary>
public sealed class NewlineFrameDecoder : IFrameDecoder
{
    private readonly FrameLimits _limits;
    private byte[] _line = new byte[4096];
    private int _lineLength;
    private long _lineStart;
    private long _discarding = -1; // bytes discarded of the current oversized line, -1 when not discarding

    public NewlineFrameDecoder(FrameLimits? limits = null) => _limits = limits ?? new FrameLimits();

    public long BytesFed { get; private set; }

    public long PendingBytes => _discarding >= 0 ? _discarding : _lineLength;

    public void Feed(ReadOnlySpan<byte> chunk, ICollection<FrameEvent> output)
    {
        while (!chunk.IsEmpty)
        {
            var newline = chunk.IndexOf((byte)'\n');
            var piece = newline < 0 ? chunk : chunk[..newline];
            Append(piece);
            BytesFed += piece.Length;
            if (newline < 0)
            {
                return;
            }

            BytesFed++;
            EndLine(output);
            _lineStart = BytesFed;
            chunk = chunk[(newline + 1)..];
        }
    }

    public void Finish(ICollection<FrameEvent> output)
    {
        if (_discarding >= 0)
        {
            output.Add(Oversize(", cut by end of stream"));
        }
        else if (_lineLength > 0)
        {
            output.Add(new FrameRejected(
                _lineStart,
                FrameFault.Truncated,
                _lineLength,
                $"{_lineLength} bytes after the last newline"));
        }

        _lineLength = 0;
        _discarding = -1;
        _lineStart = BytesFed;
    }

    private void Append(ReadOnlySpan<byte> piece)
    {
        if (_discarding >= 0)
        {
            _discarding += piece.Length;
            return;
        }

        if (_lineLength + piece.Length > _limits.MaxFrameBytes)
        {
            _discarding = _lineLength + piece.Length;
            _lineLength = 0;
            return;
        }

        if (_lineLength + piece.Length > _line.Length)
        {
            Array.Resize(
                ref _line,
                Math.Min(_limits.MaxFrameBytes, Math.Max(_line.Length * 2, _lineLength + piece.Length)));
        }

        piece.CopyTo(_line.AsSpan(_lineLength));
        _lineLength += piece.Length;
    }

    private FrameRejected Oversize(string cause) =>
        new(_lineStart, FrameFault.Oversize, _discarding, $"line over {_limits.MaxFrameBytes} bytes{cause}");

    private void EndLine(ICollection<FrameEvent> output)
    {
        if (_discarding >= 0)
        {
            output.Add(Oversize(string.Empty));
            _discarding = -1;
            return;
        }

        var length = _lineLength;
        if (length > 0 && _line[length - 1] == (byte)'\r')
        {
            length--;
        }

        if (length > 0)
        {
            output.Add(new FrameDecoded(_lineStart, _line.AsSpan(0, length).ToArray()));
        }

        _lineLength = 0;
    }
}
