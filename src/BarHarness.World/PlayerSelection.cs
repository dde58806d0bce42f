namespace BarHarness.World;

/// <summary>
/// The local player's selection and control groups (unsynced UI state, outside the world hash).
/// Only units the player may select enter the selection: its own team's, or any with full view.
/// </summary>
public sealed class PlayerSelection
{
    private readonly SyntheticWorld _world;
    private readonly List<int> _selected = new();
    private readonly SortedDictionary<int, int> _groupOf = new();

    internal PlayerSelection(SyntheticWorld world)
    {
        _world = world;
    }

    /// <summary>Bumped on every change, so the simulation can fire CommandsChanged once per change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<int> Selected => _selected;

    public bool IsSelected(int unitId) => _selected.Contains(unitId);

    public bool CanSelect(int unitId)
    {
        var s = _world.Units.Slot(unitId);
        return s >= 0 && (_world.LocalHasFullView || _world.Units.Team[s] == _world.LocalTeamId);
    }

    public void Select(IEnumerable<int> unitIds, bool append)
    {
        var before = _selected.ToArray();
        if (!append)
        {
            _selected.Clear();
        }

        foreach (var id in unitIds)
        {
            if (CanSelect(id) && !_selected.Contains(id))
            {
                _selected.Add(id);
            }
        }

        if (!before.SequenceEqual(_selected))
        {
            Version++;
        }
    }

    /// <summary>Takes units out of the selection.</summary>
    public void Deselect(IEnumerable<int> unitIds)
    {
        var removed = 0;
        foreach (var id in unitIds)
        {
            removed += _selected.Remove(id) ? 1 : 0;
        }

        if (removed > 0)
        {
            Version++;
        }
    }

    /// <summary>Control group of a unit, or -1.</summary>
    public int GroupOf(int unitId) => _groupOf.GetValueOrDefault(unitId, -1);

    /// <summary>Puts a unit into a group (0..9); -1 takes it out. False for a unit the player cannot select.</summary>
    public bool SetGroup(int unitId, int group)
    {
        if (!CanSelect(unitId))
        {
            return false;
        }

        if (group < 0)
        {
            _groupOf.Remove(unitId);
        }
        else
        {
            _groupOf[unitId] = group;
        }

        return true;
    }

    public IReadOnlyList<int> GroupUnits(int group) =>
        _groupOf.Where(p => p.Value == group).Select(p => p.Key).ToList();

    /// <summary>Group id to unit count, for groups with units.</summary>
    public SortedDictionary<int, int> GroupSizes()
    {
        var sizes = new SortedDictionary<int, int>();
        foreach (var group in _groupOf.Values)
        {
            sizes[group] = sizes.GetValueOrDefault(group) + 1;
        }

        return sizes;
    }

    internal void Forget(int unitId)
    {
        _groupOf.Remove(unitId);
        if (_selected.Remove(unitId))
        {
            Version++;
        }
    }
}
