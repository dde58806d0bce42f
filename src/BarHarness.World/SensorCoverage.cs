namespace BarHarness.World;

/// <summary>
/// LOS and radar per ally team: each ally team's grids are restamped from its units' positions
/// every LOS update interval (ally teams staggered across frames), and units crossing into or out
/// of coverage raise UnitEnteredLos/LeftLos/EnteredRadar/LeftRadar for readers allowed to see them.
/// </summary>
internal sealed class SensorCoverage(WorldParts parts, int allyTeamCount, int updateInterval)
{
    private readonly UnitTable _units = parts.Units;
    private readonly UnitDefStats _defs = parts.Defs;
    private readonly GameClock _clock = parts.Clock;
    private readonly WorldEventQueue _events = parts.Events;
    private readonly LocalView _view = parts.View;
    private readonly SensorGrid[] _los = Grids(parts, allyTeamCount);
    private readonly SensorGrid[] _radar = Grids(parts, allyTeamCount);

    /// <summary>Whether an ally team's LOS covers a map position (as of its last refresh).</summary>
    public bool LosCovers(int allyTeam, float x, float z) =>
        (uint)allyTeam < (uint)_los.Length && _los[allyTeam].Covers(x, z);

    /// <summary>Whether an ally team's radar covers a map position (as of its last refresh).</summary>
    public bool RadarCovers(int allyTeam, float x, float z) =>
        (uint)allyTeam < (uint)_radar.Length && _radar[allyTeam].Covers(x, z);

    /// <summary>Refreshes the ally teams whose turn it is this frame.</summary>
    public void Step(int frame)
    {
        for (var a = 0; a < _los.Length; a++)
        {
            if ((frame + a) % updateInterval == 0)
            {
                Refresh(a, raiseEvents: true);
            }
        }
    }

    public void RefreshAll(bool raiseEvents)
    {
        for (var a = 0; a < _los.Length; a++)
        {
            Refresh(a, raiseEvents);
        }
    }

    public void SetLos(int s, int allyTeam, bool inLos, bool raiseEvents)
    {
        if (!SetBit(_units.LosMask, s, allyTeam, inLos))
        {
            return;
        }

        if (inLos)
        {
            _units.SeenMask[s] |= 1u << allyTeam;
        }

        Announce(s, allyTeam, inLos ? WorldEventKind.UnitEnteredLos : WorldEventKind.UnitLeftLos, raiseEvents);
    }

    private void Refresh(int allyTeam, bool raiseEvents)
    {
        var u = _units;
        var los = _los[allyTeam];
        var radar = _radar[allyTeam];
        los.Clear();
        radar.Clear();
        var count = u.Count;
        for (var s = 0; s < count; s++)
        {
            if (u.AllyTeam[s] != allyTeam)
            {
                continue;
            }

            var def = u.DefId[s];
            // Nanoframes see only a little around themselves; radars work when finished.
            var built = u.BuildFramesLeft[s] == 0;
            los.StampDisc(u.X[s], u.Z[s], built ? _defs.LosRadius[def] : SensorGrid.CellSize);
            if (built && _defs.RadarRadius[def] > 0)
            {
                radar.StampDisc(u.X[s], u.Z[s], _defs.RadarRadius[def]);
            }
        }

        var bit = 1u << allyTeam;
        for (var s = 0; s < count; s++)
        {
            if (u.AllyTeam[s] == allyTeam)
            {
                u.LosMask[s] |= bit;
                u.RadarMask[s] |= bit;
                u.SeenMask[s] |= bit;
                continue;
            }

            var x = u.X[s];
            var z = u.Z[s];
            var inRadar = radar.Covers(x, z);
            var inLos = los.Covers(x, z);
            if (((u.RadarMask[s] & bit) != 0) != inRadar)
            {
                SetRadar(s, allyTeam, inRadar, raiseEvents);
            }

            if (((u.LosMask[s] & bit) != 0) != inLos)
            {
                SetLos(s, allyTeam, inLos, raiseEvents);
            }
        }
    }

    private void SetRadar(int s, int allyTeam, bool inRadar, bool raiseEvents)
    {
        if (SetBit(_units.RadarMask, s, allyTeam, inRadar))
        {
            var kind = inRadar ? WorldEventKind.UnitEnteredRadar : WorldEventKind.UnitLeftRadar;
            Announce(s, allyTeam, kind, raiseEvents);
        }
    }

    /// <summary>Sets or clears an ally team's bit in one unit's mask; false when it already had that value.</summary>
    private static bool SetBit(uint[] mask, int s, int allyTeam, bool on)
    {
        var bit = 1u << allyTeam;
        if (((mask[s] & bit) != 0) == on)
        {
            return false;
        }

        mask[s] = on ? mask[s] | bit : mask[s] & ~bit;
        return true;
    }

    /// <summary>Queues a unit's entering or leaving an ally team's sensors, if the local player may see it.</summary>
    private void Announce(int s, int allyTeam, WorldEventKind kind, bool raiseEvents)
    {
        if (raiseEvents && _view.CanRead(allyTeam))
        {
            var u = _units;
            _events.Enqueue(new WorldEvent(kind, _clock.Frame, u.IdAt[s], u.DefId[s], u.Team[s], AllyTeam: allyTeam));
        }
    }

    private static SensorGrid[] Grids(WorldParts parts, int allyTeamCount)
    {
        var grids = new SensorGrid[allyTeamCount];
        for (var a = 0; a < allyTeamCount; a++)
        {
            grids[a] = new SensorGrid(parts.MapSizeX, parts.MapSizeZ);
        }

        return grids;
    }
}
