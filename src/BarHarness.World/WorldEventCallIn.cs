namespace BarHarness.World;

/// <summary>
/// A world event as the widget call-in BAR's handler makes of it: name and argument list (nil for
/// an absent builder or attacker; LOS and radar call-ins get two arguments, unitID and unitTeam;
/// UnitCommand's playerID travels in OtherTeam and its fromLua in Flag).
/// </summary>
public static class WorldEventCallIn
{
    public static (string Name, object?[] Args) From(in WorldEvent e) => e.Kind switch
    {
        WorldEventKind.UnitCreated => ("UnitCreated", [e.UnitId, e.UnitDefId, e.Team,
            e.BuilderId == 0 ? null : e.BuilderId]),
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
        WorldEventKind.UnitDamaged => ("UnitDamaged", [e.UnitId, e.UnitDefId, e.Team, e.Amount, e.Flag]),
        WorldEventKind.UnitIdle => ("UnitIdle", [e.UnitId, e.UnitDefId, e.Team]),
        WorldEventKind.UnitCommand => ("UnitCommand", [e.UnitId, e.UnitDefId, e.Team, e.Command!.Id,
            e.Command.Params, e.Command.OptionsTable(), e.Command.Tag, e.OtherTeam, false, e.Flag]),
        WorldEventKind.UnitCmdDone => ("UnitCmdDone", [e.UnitId, e.UnitDefId, e.Team, e.Command!.Id, e.Command.Tag,
            e.Command.Params, e.Command.OptionsTable()]),
        WorldEventKind.UnitFromFactory => ("UnitFromFactory", [e.UnitId, e.UnitDefId, e.Team, e.FactoryId,
            e.FactoryDefId, e.Flag]),
        WorldEventKind.StockpileChanged => ("StockpileChanged", [e.UnitId, e.UnitDefId, e.Team, 1, e.OldCount,
            e.NewCount]),
        WorldEventKind.UnitCloaked => ("UnitCloaked", [e.UnitId, e.UnitDefId, e.Team]),
        WorldEventKind.UnitDecloaked => ("UnitDecloaked", [e.UnitId, e.UnitDefId, e.Team]),
        WorldEventKind.TeamDied => ("TeamDied", [e.Team]),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "unknown world event"),
    };
}
