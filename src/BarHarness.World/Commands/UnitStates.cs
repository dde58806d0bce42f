namespace BarHarness.World.Commands;

/// <summary>A unit's states as GetUnitStates reports them (Recoil's defaults for a new unit).</summary>
public sealed record UnitStateValues(int FireState, int MoveState, bool Repeat, bool Cloak, bool Active,
    bool Trajectory, bool AutoLand);

/// <summary>Fire/move state, repeat, cloak, on/off and trajectory per unit, set by state commands.</summary>
public sealed class UnitStates
{
    /// <summary>Recoil's defaults: fire at will (2), maneuver (1), repeat off, active.</summary>
    public static readonly UnitStateValues Default = new(2, 1, false, false, true, false, true);

    private readonly Dictionary<int, UnitStateValues> _states = new();

    public UnitStateValues Get(int unitId) => _states.GetValueOrDefault(unitId, Default);

    public void Apply(int unitId, int commandId, int value)
    {
        var current = Get(unitId);
        _states[unitId] = commandId switch
        {
            CommandIds.FireState => current with { FireState = Math.Clamp(value, 0, 2) },
            CommandIds.MoveState => current with { MoveState = Math.Clamp(value, 0, 2) },
            CommandIds.Repeat => current with { Repeat = value != 0 },
            CommandIds.Cloak => current with { Cloak = value != 0 },
            CommandIds.OnOff => current with { Active = value != 0 },
            CommandIds.Trajectory => current with { Trajectory = value != 0 },
            CommandIds.IdleMode => current with { AutoLand = value != 0 },
            _ => current,
        };
    }

    public void Forget(int unitId) => _states.Remove(unitId);
}
