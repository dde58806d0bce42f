namespace BarHarness.World.Commands;

/// <summary>
/// CMD_SELFD as Recoil plays it: the order sets a countdown of the def's selfDCountdown × 2 + 1
/// (a second is two slow updates), or clears a running one; every slow update (15 frames) counts
/// down, and at 1 or below the unit dies with no attacker. GetUnitSelfDTime reads the countdown.
/// </summary>
public sealed class SelfDestructTimers
{
    /// <summary>Recoil's UNIT_SLOWUPDATE_RATE in frames.</summary>
    public const int SlowUpdateFrames = 15;

    private readonly WorldParts _parts;
    private readonly UnitLifecycle _lifecycle;
    private readonly SortedDictionary<int, int> _countdowns = new();
    private readonly List<int> _due = new();

    internal SelfDestructTimers(WorldParts parts, UnitLifecycle lifecycle)
    {
        _parts = parts;
        _lifecycle = lifecycle;
    }

    public int Countdown(int unitId) => _countdowns.GetValueOrDefault(unitId);

    public void Toggle(int unitId, int defCountdownSeconds)
    {
        if (!_countdowns.Remove(unitId))
        {
            _countdowns[unitId] = (defCountdownSeconds * 2) + 1;
        }
    }

    public void Forget(int unitId) => _countdowns.Remove(unitId);

    public void Step()
    {
        if (_countdowns.Count == 0 || _parts.Clock.Frame % SlowUpdateFrames != 0)
        {
            return;
        }

        _due.Clear();
        _due.AddRange(_countdowns.Keys);

        foreach (var unitId in _due)
        {
            var left = _countdowns[unitId] - 1;
            _countdowns[unitId] = left;
            if (left <= 1)
            {
                _countdowns.Remove(unitId);
                _lifecycle.Destroy(unitId, 0);
            }
        }
    }
}
