namespace BarHarness.World.Commands;

/// <summary>One unit's stockpile: missiles ready, missiles ordered, progress of the one being built (0..1).</summary>
public readonly record struct StockpileState(int Count, int Queued, float Progress);

/// <summary>
/// Stockpile weapons (anti-nukes, nukes): CMD.STOCKPILE orders missiles as Recoil counts them (1, 5 with
/// shift, 20 with ctrl, removed with right-click), each takes <see cref="FramesPerMissile"/> sim frames,
/// and every change of the ready count raises StockpileChanged for clients that can read the unit.
/// </summary>
public sealed class Stockpiles
{
    private readonly WorldParts _parts;

    internal Stockpiles(WorldParts parts)
    {
        _parts = parts;
    }

    /// <summary>30 game seconds a missile: representative of BAR's stockpile times, not its values.</summary>
    public const int FramesPerMissile = 900;

    private readonly SortedDictionary<int, StockpileState> _states = new();

    public StockpileState Get(int unitId) => _states.GetValueOrDefault(unitId);

    public void Order(int unitId, CommandOptions options)
    {
        var amount = options.HasFlag(CommandOptions.Ctrl) ? 20 : options.HasFlag(CommandOptions.Shift) ? 5 : 1;
        var state = Get(unitId);
        var queued = options.HasFlag(CommandOptions.Right) ? Math.Max(0, state.Queued - amount) : state.Queued + amount;
        _states[unitId] = state with { Queued = queued, Progress = queued == 0 ? 0 : state.Progress };
    }

    public void Forget(int unitId) => _states.Remove(unitId);

    public void Step()
    {
        foreach (var (unitId, state) in _states.ToList())
        {
            if (state.Queued == 0)
            {
                continue;
            }

            var progress = state.Progress + (1f / FramesPerMissile);
            if (progress < 1f)
            {
                _states[unitId] = state with { Progress = progress };
                continue;
            }

            _states[unitId] = new StockpileState(state.Count + 1, state.Queued - 1, 0);
            var s = _parts.Units.Slot(unitId);
            if (s >= 0 && _parts.View.IsAllied(s))
            {
                _parts.Events.Enqueue(new WorldEvent(WorldEventKind.StockpileChanged, _parts.Clock.Frame, unitId,
                    _parts.Units.DefId[s], _parts.Units.Team[s], OldCount: state.Count, NewCount: state.Count + 1));
            }
        }
    }
}
