namespace BarHarness.World;

/// <summary>
/// Who the local player is (team, spectator, full view) and Recoil's rules for what its LuaUI may
/// read: its own ally team always, everything with full view, enemies in LOS, radar blips.
/// </summary>
internal sealed class LocalView(UnitTable units)
{
    public int TeamId { get; private set; }

    public int AllyTeamId { get; private set; }

    public bool IsSpectator { get; private set; }

    public bool HasFullView { get; private set; }

    public void Set(bool spectator, bool fullView, int teamId, int allyTeamId)
    {
        IsSpectator = spectator;
        HasFullView = spectator && fullView;
        TeamId = teamId;
        AllyTeamId = allyTeamId;
    }

    /// <summary>Whether the local LuaUI may read things of this ally team (own ally team, or full view).</summary>
    public bool CanRead(int allyTeamId) => HasFullView || allyTeamId == AllyTeamId;

    // The checks below take a slot (see UnitTable.Slot), as the engine API's hot paths hold one.
    public bool IsAllied(int slot) => HasFullView || units.AllyTeam[slot] == AllyTeamId;

    public bool IsInLos(int slot) => IsAllied(slot) || (units.LosMask[slot] & (1u << AllyTeamId)) != 0;

    public bool IsVisible(int slot) =>
        IsAllied(slot) || ((units.LosMask[slot] | units.RadarMask[slot]) & (1u << AllyTeamId)) != 0;

    /// <summary>A radar-only contact: unit def is known once it has been seen in LOS (Recoil's "typed").</summary>
    public bool IsTyped(int slot) => IsInLos(slot) || (units.SeenMask[slot] & (1u << AllyTeamId)) != 0;
}
