namespace BarHarness.World;

/// <summary>
/// Ground truth for oracles and reports: what really is, independent of what the local player may
/// see, plus what the local player is entitled to see right now (LOS and radar as of the current
/// frame; take a snapshot per frame if you need history).
/// </summary>
public interface IWorldTruth
{
    int Frame { get; }

    int LocalPlayerId { get; }

    int LocalTeamId { get; }

    int LocalAllyTeamId { get; }

    bool LocalIsSpectator { get; }

    bool LocalHasFullView { get; }

    int UnitCount { get; }

    bool UnitExists(int unitId);

    /// <summary>The true (unperturbed) base position; false when the unit does not exist.</summary>
    bool TryGetTruePosition(int unitId, out float x, out float y, out float z);

    bool TryGetTrueHealth(int unitId, out float health, out float maxHealth, out float buildProgress);

    /// <summary>Team of a live unit, or -1.</summary>
    int TrueTeamOf(int unitId);

    /// <summary>UnitDef id of a live unit, or 0.</summary>
    int TrueDefOf(int unitId);

    /// <summary>Whether Spring.GetUnitPosition & co. would answer for this unit now (LOS or radar blip).</summary>
    bool IsVisibleToLocalPlayer(int unitId);

    /// <summary>Whether the unit is in the local player's LOS now (allied units always are).</summary>
    bool IsInLosOfLocalPlayer(int unitId);

    /// <summary>Live unit ids the local player can see now, ascending.</summary>
    int[] VisibleUnitIdsForLocalPlayer();

    /// <summary>All live unit ids, ascending.</summary>
    int[] AllUnitIds();

    ResourceValues TeamResources(int teamId, ResourceKind kind);

    /// <summary>A 64-bit digest of the whole world state (determinism checks).</summary>
    ulong StateHash();
}
