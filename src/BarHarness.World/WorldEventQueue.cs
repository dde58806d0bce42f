namespace BarHarness.World;

/// <summary>FIFO of pending call-ins (a growable ring buffer; steady state allocates nothing).</summary>
public sealed class WorldEventQueue
{
    private WorldEvent[] _items = new WorldEvent[256];
    private int _head;
    private int _count;

    public int Count => _count;

    /// <summary>Events raised so far in the run (including drained ones).</summary>
    public long TotalRaised { get; private set; }

    public void Enqueue(in WorldEvent e)
    {
        if (_count == _items.Length)
        {
            var bigger = new WorldEvent[_items.Length * 2];
            for (var i = 0; i < _count; i++)
            {
                bigger[i] = _items[(_head + i) % _items.Length];
            }

            _items = bigger;
            _head = 0;
        }

        _items[(_head + _count) % _items.Length] = e;
        _count++;
        TotalRaised++;
    }

    public bool TryDequeue(out WorldEvent e)
    {
        if (_count == 0)
        {
            e = default;
            return false;
        }

        e = _items[_head];
        _head = (_head + 1) % _items.Length;
        _count--;
        return true;
    }

    public void Clear()
    {
        _head = 0;
        _count = 0;
    }
}
