namespace BarHarness.World;

public enum WorldEventKind
{
    /// <summary>UnitCreated(unitID, unitDefID, unitTeam, builderID) — builder is nil when 0.</summary>
    UnitCreated,

    /// <summary>UnitFinished(unitID, unitDefID, unitTeam).</summary>
    UnitFinished,

    /// <summary>UnitDestroyed(unitID, unitDefID, unitTeam, attackerID, attackerDefID, attackerTeam) — attacker fields
    /// nil when 0 / -1.</summary>
    UnitDestroyed,

    /// <summary>UnitGiven(unitID, unitDefID, newTeam, oldTeam): Team = new team, OtherTeam = old team.</summary>
    UnitGiven,

    /// <summary>UnitTaken(unitID, unitDefID, oldTeam, newTeam): Team = old team, OtherTeam = new team.</summary>
    UnitTaken,

    /// <summary>UnitEnteredLos(unitID, unitTeam) as BAR's handler forwards it; AllyTeam is the observer.</summary>
    UnitEnteredLos,

    /// <summary>UnitLeftLos(unitID, unitTeam); AllyTeam is the observer.</summary>
    UnitLeftLos,

    /// <summary>UnitEnteredRadar(unitID, unitTeam); AllyTeam is the observer.</summary>
    UnitEnteredRadar,

    /// <summary>UnitLeftRadar(unitID, unitTeam); AllyTeam is the observer.</summary>
    UnitLeftRadar,

    /// <summary>UnitDamaged(unitID, unitDefID, unitTeam, damage, paralyzer): Amount, Flag.</summary>
    UnitDamaged,

    /// <summary>UnitIdle(unitID, unitDefID, unitTeam): the unit's command queue ran empty.</summary>
    UnitIdle,

    /// <summary>
    /// UnitCommand(unitID, unitDefID, unitTeam, cmdID, cmdParams, cmdOpts, cmdTag, playerID, fromSynced, fromLua).
    /// </summary>
    UnitCommand,

    /// <summary>UnitCmdDone(unitID, unitDefID, unitTeam, cmdID, cmdTag, cmdParams, cmdOpts).</summary>
    UnitCmdDone,

    /// <summary>UnitFromFactory(unitID, unitDefID, unitTeam, factID, factDefID, userOrders).</summary>
    UnitFromFactory,

    /// <summary>StockpileChanged(unitID, unitDefID, unitTeam, weaponNum, oldCount, newCount).</summary>
    StockpileChanged,

    /// <summary>UnitCloaked(unitID, unitDefID, unitTeam): a unit that can cloak turned its cloak on.</summary>
    UnitCloaked,

    /// <summary>UnitDecloaked(unitID, unitDefID, unitTeam).</summary>
    UnitDecloaked,

    /// <summary>TeamDied(teamID): the team was declared dead (every client hears it).</summary>
    TeamDied,
}

/// <summary>
/// A call-in the local player's LuaUI receives, already filtered the way Recoil's event handler
/// filters it (unit events reach a client that can read the unit's ally team; LOS and radar events
/// reach a client that can read the observing ally team). A value type: queueing allocates nothing.
/// </summary>
public readonly record struct WorldEvent(
    WorldEventKind Kind,
    int Frame,
    int UnitId,
    int UnitDefId,
    int Team,
    int OtherTeam = -1,
    int AttackerId = 0,
    int AttackerDefId = 0,
    int AttackerTeam = -1,
    int AllyTeam = -1,
    int BuilderId = 0,
    float Amount = 0,
    bool Flag = false,
    Commands.UnitCommand? Command = null,
    int FactoryId = 0,
    int FactoryDefId = 0,
    int OldCount = 0,
    int NewCount = 0);
