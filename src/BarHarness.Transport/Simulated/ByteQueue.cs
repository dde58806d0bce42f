namespace BarHarness.Transport.Simulated;

/// <summary>A FIFO of bytes (a kernel socket buffer): append at the tail, consume from the head.</summary>
internal sealed class ByteQueue
{
    private byte[] _data = new byte[256];
    private int _head;
    private int _count;

    public int Count => _count;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        EnsureRoom(bytes.Length);
        var tail = (_head + _count) % _data.Length;
        var first = Math.Min(bytes.Length, _data.Length - tail);
        bytes[..first].CopyTo(_data.AsSpan(tail));
        bytes[first..].CopyTo(_data);
        _count += bytes.Length;
    }

    public int Take(Span<byte> into)
    {
        var n = Math.Min(into.Length, _count);
        var first = Math.Min(n, _data.Length - _head);
        _data.AsSpan(_head, first).CopyTo(into);
        _data.AsSpan(0, n - first).CopyTo(into[first..]);
        _head = (_head + n) % _data.Length;
        _count -= n;
        return n;
    }

    public byte[] Take(int count)
    {
        var bytes = new byte[Math.Min(count, _count)];
        Take(bytes);
        return bytes;
    }

    public int Clear()
    {
        var dropped = _count;
        _head = 0;
        _count = 0;
        return dropped;
    }

    private void EnsureRoom(int extra)
    {
        if (_count + extra <= _data.Length)
        {
            return;
        }

        var grown = new byte[Math.Max(_data.Length * 2, _count + extra)];
        var first = Math.Min(_count, _data.Length - _head);
        _data.AsSpan(_head, first).CopyTo(grown);
        _data.AsSpan(0, _count - first).CopyTo(grown.AsSpan(first));
        _data = grown;
        _head = 0;
    }
}
