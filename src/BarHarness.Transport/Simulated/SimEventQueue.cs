namespace BarHarness.Transport.Simulated;

/// <summary>
/// Events of the simulated network ordered by (virtual time, insertion order): two events due at the
/// same microsecond always run in the order they were scheduled, so a run replays exactly.
/// </summary>
internal sealed class SimEventQueue
{
    private readonly PriorityQueue<Action, (long At, long Seq)> _queue = new();
    private long _seq;

    public long? NextAt => _queue.TryPeek(out _, out var key) ? key.At : null;

    public void Schedule(long at, Action action) => _queue.Enqueue(action, (at, _seq++));

    public bool TryTakeDue(long now, out Action action)
    {
        if (_queue.TryPeek(out var next, out var key) && key.At <= now)
        {
            _queue.Dequeue();
            action = next;
            return true;
        }

        action = static () => { };
        return false;
    }
}
