namespace BarHarness.World;

/// <summary>
/// Hands out unit ids the way Recoil's id pool does in spirit: ids are drawn at random from the
/// free set (so widgets cannot rely on ascending ids) and a freed id only returns to the free set
/// after a delay, so a stale id usually points at nothing rather than at a new unit.
/// </summary>
public sealed class UnitIdPool
{
    private readonly int[] _free;
    private int _freeCount;
    private readonly Queue<(int Id, int ReadyFrame)> _cooling = new();
    private readonly SeededRandom _random;
    private readonly int _recycleDelay;

    public UnitIdPool(int maxUnits, int recycleDelayFrames, SeededRandom random)
    {
        _free = new int[maxUnits];
        for (var i = 0; i < maxUnits; i++)
        {
            _free[i] = i + 1;
        }

        _freeCount = maxUnits;
        _random = random;
        _recycleDelay = recycleDelayFrames;
    }

    public int Available => _freeCount;

    public bool TryTake(out int unitId)
    {
        if (_freeCount == 0)
        {
            unitId = 0;
            return false;
        }

        var pick = _random.Next(0, _freeCount);
        unitId = _free[pick];
        _free[pick] = _free[--_freeCount];
        return true;
    }

    public void Release(int unitId, int frame) => _cooling.Enqueue((unitId, frame + _recycleDelay));

    /// <summary>Returns cooled-down ids to the free set; call once per frame.</summary>
    public void Tick(int frame)
    {
        while (_cooling.Count > 0 && _cooling.Peek().ReadyFrame <= frame)
        {
            _free[_freeCount++] = _cooling.Dequeue().Id;
        }
    }
}
