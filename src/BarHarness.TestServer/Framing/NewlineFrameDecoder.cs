namespace BarHarness.TestServer.Framing;

/// <summary>
/// Newline-delimited JSON: one message per line. A trailing CR is stripped (as LuaSocket's "*l"
/// would); empty lines are ignored. A line over the limit is discarded up to its newline and
/// reported once, so one oversized line never costs the messages that follow it.
/// </summary>
public sealed class NewlineFrameDecoder : IFrameDecoder
{
    private readonly FrameLimits _limits;
    private readonly List<byte> _line = [];
    private long _lineStart;
    private long _discarding = -1; // bytes discarded of the current oversized line, -1 when not discarding

    public NewlineFrameDecoder(FrameLimits? limits = null) => _limits = limits ?? new FrameLimits();

    public long BytesFed { get; private set; }

    public long PendingBytes => _discarding >= 0 ? _discarding : _line.Count;

    public void Feed(ReadOnlySpan<byte> chunk, ICollection<FrameEvent> output)
    {
        foreach (var b in chunk)
        {
            var offset = BytesFed++;
            if (b == (byte)'\n')
            {
                EndLine(output);
                _lineStart = offset + 1;
                continue;
            }

            if (_discarding >= 0)
            {
                _discarding++;
                continue;
            }

            if (_line.Count >= _limits.MaxFrameBytes)
            {
                _discarding = _line.Count + 1;
                _line.Clear();
                continue;
            }

            _line.Add(b);
        }
    }

    public void Finish(ICollection<FrameEvent> output)
    {
        if (_discarding >= 0)
        {
            output.Add(new FrameRejected(_lineStart, FrameFault.Oversize, _discarding, $"line over {_limits.MaxFrameBytes} bytes, cut by end of stream"));
        }
        else if (_line.Count > 0)
        {
            output.Add(new FrameRejected(_lineStart, FrameFault.Truncated, _line.Count, $"{_line.Count} bytes after the last newline"));
        }

        _line.Clear();
        _discarding = -1;
        _lineStart = BytesFed;
    }

    private void EndLine(ICollection<FrameEvent> output)
    {
        if (_discarding >= 0)
        {
            output.Add(new FrameRejected(_lineStart, FrameFault.Oversize, _discarding, $"line over {_limits.MaxFrameBytes} bytes"));
            _discarding = -1;
            return;
        }

        var length = _line.Count;
        if (length > 0 && _line[length - 1] == (byte)'\r')
        {
            length--;
        }

        if (length > 0)
        {
            output.Add(new FrameDecoded(_lineStart, _line.GetRange(0, length).ToArray()));
        }

        _line.Clear();
    }
}
