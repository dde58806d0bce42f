namespace BarHarness.Engine.World;

/// <summary>
/// A world event as the widget call-in BAR's handler makes of it: name and argument list (nil for
/// an absent builder or attacker; LOS and radar call-ins get two arguments, unitID and unitTeam).
/// </summary>
public static class WorldEventCallIn
{
    public static (string Name, object?[] Args) From(in WorldEvent e) => e.Kind switch
    {
        WorldEventKind.UnitCreated => ("UnitCreated", [e.UnitId, e.UnitDefId, e.Team, e.BuilderId == 0 ? null : e.BuilderId]),
        WorldEventKind.UnitFinished => ("UnitFinished", [e.UnitId, e.UnitDefId, e.Team]),
        WorldEventKind.UnitDestroyed => ("UnitDestroyed", [e.UnitId, e.UnitDefId, e.Team,
            e.AttackerId == 0 ? null : e.AttackerId,
            e.AttackerId == 0 ? null : e.AttackerDefId,
            e.AttackerId == 0 ? null : e.AttackerTeam]),
        WorldEventKind.UnitGiven => ("UnitGiven", [e.UnitId, e.UnitDefId, e.Team, e.OtherTeam]),
        WorldEventKind.UnitTaken => ("UnitTaken", [e.UnitId, e.UnitDefId, e.Team, e.OtherTeam]),
        WorldEventKind.UnitEnteredLos => ("UnitEnteredLos", [e.UnitId, e.Team]),
        WorldEventKind.UnitLeftLos => ("UnitLeftLos", [e.UnitId, e.Team]),
        WorldEventKind.UnitEnteredRadar => ("UnitEnteredRadar", [e.UnitId, e.Team]),
        WorldEventKind.UnitLeftRadar => ("UnitLeftRadar", [e.UnitId, e.Team]),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "unknown world event"),
    };
}
