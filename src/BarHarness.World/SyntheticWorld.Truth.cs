namespace BarHarness.World;

/// <summary>The true world, as oracles and tests read it, and the local player's read rules.</summary>
public sealed partial class SyntheticWorld
{
    /// <summary>A team's start position (where its units spawn).</summary>
    public (float X, float Z) StartPosition(int teamId) => _lifecycle.StartPoint(teamId);

    /// <summary>Whether an ally team's LOS covers a map position.</summary>
    public bool IsPositionInLos(float x, float z, int allyTeamId) => _sensors.LosCovers(allyTeamId, x, z);

    /// <summary>Whether an ally team's radar covers a map position.</summary>
    public bool IsPositionInRadar(float x, float z, int allyTeamId) => _sensors.RadarCovers(allyTeamId, x, z);

    /// <summary>Whether the local LuaUI may read things of this ally team (own ally team, or full view).</summary>
    public bool CanRead(int allyTeamId) => _view.CanRead(allyTeamId);

    // The checks below take a slot (see UnitTable.Slot), as the engine API's hot paths hold one.
    internal bool IsAlliedToLocal(int slot) => _view.IsAllied(slot);

    internal bool IsInLocalLos(int slot) => _view.IsInLos(slot);

    internal bool IsVisibleToLocal(int slot) => _view.IsVisible(slot);

    /// <summary>A radar-only contact: unit def is known once it has been seen in LOS (Recoil's "typed").</summary>
    internal bool IsTypedForLocal(int slot) => _view.IsTyped(slot);


    /// <summary>Whether the local LuaUI may read a feature (Recoil's feature visibility under the game's
    /// rule).</summary>
    public bool IsFeatureReadable(MapFeature feature)
    {
        if (_view.HasFullView)
        {
            return true;
        }

        var ally = LocalAllyTeamId;
        return Setup.FeatureVisibility switch
        {
            FeatureVisibility.All => true,
            FeatureVisibility.GaiaAlways when feature.AllyTeamId == Roster.GaiaAllyTeamId => true,
            FeatureVisibility.GaiaAndAlliedAlways
                when feature.AllyTeamId == Roster.GaiaAllyTeamId || feature.AllyTeamId == ally => true,
            _ => _sensors.LosCovers(ally, feature.X, feature.Z),
        };
    }

    public bool UnitExists(int unitId) => Units.IsAlive(unitId);

    public bool TryGetTruePosition(int unitId, out float x, out float y, out float z) =>
        TryReadUnit(unitId, Units.X, Units.Y, Units.Z, out x, out y, out z);

    public bool TryGetTrueHealth(int unitId, out float health, out float maxHealth, out float buildProgress) =>
        TryReadUnit(unitId, Units.Health, Units.MaxHealth, Units.BuildProgress,
            out health, out maxHealth, out buildProgress);

    /// <summary>Three columns of a live unit's row; zeros and false for a unit that is not there.</summary>
    private bool TryReadUnit(
        int unitId, float[] first, float[] second, float[] third, out float a, out float b, out float c)
    {
        var s = Units.Slot(unitId);
        if (s < 0)
        {
            a = b = c = 0;
            return false;
        }

        a = first[s];
        b = second[s];
        c = third[s];
        return true;
    }

    public int TrueTeamOf(int unitId) => Units.Slot(unitId) is var s and >= 0 ? Units.Team[s] : -1;

    public int TrueDefOf(int unitId) => Units.Slot(unitId) is var s and >= 0 ? Units.DefId[s] : 0;

    public int TrueAllyTeamOf(int unitId) => Units.Slot(unitId) is var s and >= 0 ? Units.AllyTeam[s] : -1;

    public bool IsVisibleToLocalPlayer(int unitId) => Units.Slot(unitId) is var s and >= 0 && IsVisibleToLocal(s);

    public bool IsInLosOfLocalPlayer(int unitId) => Units.Slot(unitId) is var s and >= 0 && IsInLocalLos(s);

    /// <summary>How many units the local player can see (no list built: the memory probe's covariate).</summary>
    public int VisibleUnitCountForLocalPlayer()
    {
        var count = 0;
        for (var s = 0; s < Units.Count; s++)
        {
            if (IsVisibleToLocal(s))
            {
                count++;
            }
        }

        return count;
    }

    public int[] VisibleUnitIdsForLocalPlayer()
    {
        var list = new List<int>(Units.Count);
        for (var s = 0; s < Units.Count; s++)
        {
            if (IsVisibleToLocal(s))
            {
                list.Add(Units.IdAt[s]);
            }
        }

        list.Sort();
        return [.. list];
    }

    /// <summary>
    /// Copies every living unit's true state, in slot order, into <paramref name="into"/> (grown as needed):
    /// what an oracle records each frame, without a lookup or an allocation per unit.
    /// </summary>
    public int CopyTruth(UnitTruthColumns into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var u = Units;
        var n = u.Count;
        into.EnsureCapacity(n);
        for (var s = 0; s < n; s++)
        {
            into.Ids[s] = u.IdAt[s];
            into.Teams[s] = u.Team[s];
            into.AllyTeams[s] = u.AllyTeam[s];
            into.InLocalLos[s] = IsInLocalLos(s);
            into.VisibleToLocal[s] = IsVisibleToLocal(s);
            into.X[s] = u.X[s];
            into.Y[s] = u.Y[s];
            into.Z[s] = u.Z[s];
            into.Health[s] = u.Health[s];
        }

        return n;
    }

    public int[] AllUnitIds()
    {
        var ids = Units.AliveIds.ToArray();
        Array.Sort(ids);
        return ids;
    }

    public ResourceValues TeamResources(int teamId, ResourceKind kind) => Economy.Get(teamId, kind);

    public int UnitCountOfTeam(int teamId) => _unitsPerTeam[teamId];
}
