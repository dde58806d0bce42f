namespace BarHarness.World;

/// <summary>
/// Units enter and leave the world here: spawned (finished, or as a nanoframe a builder of the
/// team works on), destroyed (with an attacker or none) and given to another team, each raising
/// the call-ins the local player's LuaUI may see.
/// </summary>
internal sealed class UnitLifecycle(WorldParts parts, UnitIdPool ids, (float X, float Z)[] startPoints,
    Construction construction, UnitPicker picker, SeededRandom spawnRandom, SeededRandom attackerRandom,
    DestroyedUnitRows destroyedRows)
{
    private readonly UnitTable _units = parts.Units;
    private readonly Func<Roster> _roster = parts.Roster;
    private readonly UnitDefCatalog _defCatalog = parts.DefCatalog;
    private readonly UnitDefStats _defs = parts.Defs;
    private readonly int[] _unitsPerTeam = parts.UnitsPerTeam;
    private readonly Terrain _terrain = parts.Terrain;
    private readonly GameClock _clock = parts.Clock;
    private readonly WorldEventQueue _events = parts.Events;
    private readonly LocalView _view = parts.View;
    private readonly int _mapSizeX = parts.MapSizeX;
    private readonly int _mapSizeZ = parts.MapSizeZ;
    private int _nextSpawnTeam;

    /// <summary>Where a team's units appear (its start position on the map).</summary>
    public (float X, float Z) StartPoint(int teamId) => startPoints[teamId];

    /// <summary>The spawn stream: which unit dies, which type is born, whether a ramp spawns it finished.</summary>
    public SeededRandom Random { get; } = spawnRandom;

    public void Tick(int frame) => ids.Tick(frame);

    public int Spawn(int teamId, int count, int? unitDefId, bool complete)
    {
        if (!_roster().IsValidTeam(teamId))
        {
            throw new ArgumentOutOfRangeException(nameof(teamId), $"no team {teamId}");
        }

        if (unitDefId is { } d && !_defCatalog.IsValid(d))
        {
            throw new ArgumentOutOfRangeException(nameof(unitDefId), $"no unit def {d}");
        }

        var made = 0;
        for (var i = 0; i < count; i++)
        {
            var def = unitDefId ?? Random.Next(1, _defCatalog.GeneratedCount + 1);
            if (SpawnOne(teamId, def, complete) == 0)
            {
                break;
            }

            made++;
        }

        return made;
    }

    public int SpawnAcrossTeams(int count, bool complete)
    {
        var made = 0;
        var playing = _roster().PlayingTeamCount;
        for (var i = 0; i < count; i++)
        {
            var team = _nextSpawnTeam++ % playing;
            if (SpawnOne(team, Random.Next(1, _defCatalog.GeneratedCount + 1), complete) == 0)
            {
                break;
            }

            made++;
        }

        return made;
    }

    public int DestroyRandom(int count, int? teamId)
    {
        var destroyed = 0;
        for (var i = 0; i < count && _units.Count > 0; i++)
        {
            var victim = picker.PickRandomUnit(Random, teamId);
            if (victim == 0)
            {
                break;
            }

            Destroy(victim, picker.PickAttackerFor(attackerRandom, victim));
            destroyed++;
        }

        return destroyed;
    }

    public bool Destroy(int unitId, int attackerId)
    {
        var u = _units;
        if (!u.IsAlive(unitId))
        {
            return false;
        }

        var s = u.SlotOf[unitId];
        var team = u.Team[s];
        var def = u.DefId[s];
        var attackerSlot = attackerId != 0 ? u.Slot(attackerId) : -1;
        if (_view.CanRead(u.AllyTeam[s]))
        {
            _events.Enqueue(new WorldEvent(WorldEventKind.UnitDestroyed, _clock.Frame, unitId, def, team,
                AttackerId: attackerSlot >= 0 ? attackerId : 0,
                AttackerDefId: attackerSlot >= 0 ? u.DefId[attackerSlot] : 0,
                AttackerTeam: attackerSlot >= 0 ? u.Team[attackerSlot] : -1));
            destroyedRows.Keep(u, unitId);
        }

        Removing?.Invoke(unitId);
        construction.Forget(s);
        var buildingSlot = u.Slot(u.CurrentBuild[s]);
        if (buildingSlot >= 0)
        {
            u.BuiltBy[buildingSlot] = 0;
        }

        var builderSlot = u.Slot(u.BuiltBy[s]);
        if (builderSlot >= 0 && u.CurrentBuild[builderSlot] == unitId)
        {
            u.CurrentBuild[builderSlot] = 0;
        }

        u.Remove(unitId);
        _unitsPerTeam[team]--;
        ids.Release(unitId, _clock.Frame);
        return true;
    }

    public bool Transfer(int unitId, int newTeamId)
    {
        var u = _units;
        var roster = _roster();
        var s = u.Slot(unitId);
        if (s < 0 || !roster.IsValidTeam(newTeamId) || u.Team[s] == newTeamId)
        {
            return false;
        }

        var oldTeam = u.Team[s];
        var def = u.DefId[s];
        if (_view.CanRead(u.AllyTeam[s]))
        {
            _events.Enqueue(new WorldEvent(WorldEventKind.UnitTaken, _clock.Frame, unitId, def, oldTeam, newTeamId));
        }

        _unitsPerTeam[oldTeam]--;
        _unitsPerTeam[newTeamId]++;
        u.Team[s] = newTeamId;
        var newAlly = roster.AllyTeamOf(newTeamId);
        u.AllyTeam[s] = newAlly;
        var bit = 1u << newAlly;
        u.LosMask[s] |= bit;
        u.RadarMask[s] |= bit;
        u.SeenMask[s] |= bit;
        if (_view.CanRead(newAlly))
        {
            _events.Enqueue(new WorldEvent(WorldEventKind.UnitGiven, _clock.Frame, unitId, def, newTeamId, oldTeam));
        }

        return true;
    }

    public int TransferRandom(int count, int fromTeamId, int toTeamId)
    {
        var moved = 0;
        for (var i = 0; i < count; i++)
        {
            var unit = picker.PickRandomUnit(Random, fromTeamId);
            if (unit == 0 || !Transfer(unit, toTeamId))
            {
                break;
            }

            moved++;
        }

        return moved;
    }

    /// <summary>Called with a unit's id just before it leaves the world (commands and selection forget it).</summary>
    public Action<int>? Removing { get; set; }

    /// <summary>
    /// A nanoframe of <paramref name="defId"/> started by <paramref name="builderId"/> at a given place
    /// (a factory's product, a builder's building); 0 when no unit id is free.
    /// </summary>
    public int SpawnNanoframe(int teamId, int defId, float x, float z, int builderId)
    {
        if (!ids.TryTake(out var id))
        {
            return 0;
        }

        Place(id, teamId, defId, x, z, heading: 0, errorAngle: id, complete: false, builder: builderId);
        return id;
    }

    private int SpawnOne(int teamId, int defId, bool complete)
    {
        if (!ids.TryTake(out var id))
        {
            return 0;
        }

        var (sx, sz) = startPoints[teamId];
        var x = Math.Clamp(sx + (float)Random.NextDouble(-1500, 1500), 0, _mapSizeX);
        var z = Math.Clamp(sz + (float)Random.NextDouble(-1500, 1500), 0, _mapSizeZ);
        var heading = (short)Random.Next(-32768, 32768);
        var angle = Random.NextDouble(0, Math.Tau);
        var builder = complete ? 0 : FindIdleBuilder(teamId);
        Place(id, teamId, defId, x, z, heading, angle, complete, builder);
        return id;
    }

    private void Place(int id, int teamId, int defId, float x, float z, short heading, double errorAngle, bool complete,
        int builder)
    {
        var u = _units;
        destroyedRows.Forget(id);
        var ally = _roster().AllyTeamOf(teamId);
        var s = u.Add(id);
        u.DefId[s] = defId;
        u.Team[s] = teamId;
        u.AllyTeam[s] = ally;
        u.X[s] = x;
        u.Z[s] = z;
        u.Y[s] = _terrain.HeightAt(x, z) + (_defs.CanFly[defId] ? UnitMovement.FlightHeight : 0);
        u.VX[s] = u.VY[s] = u.VZ[s] = 0;
        u.Heading[s] = heading;
        u.MaxHealth[s] = _defs.Health[defId];
        u.Paralyze[s] = 0;
        u.FramesToTarget[s] = _defs.SpeedPerFrame[defId] > 0 ? 0 : int.MaxValue;
        u.ErrX[s] = (float)Math.Cos(errorAngle);
        u.ErrZ[s] = (float)Math.Sin(errorAngle);
        var bit = 1u << ally;
        u.LosMask[s] = bit;
        u.RadarMask[s] = bit;
        u.SeenMask[s] = bit;
        u.CurrentBuild[s] = 0;
        _unitsPerTeam[teamId]++;

        u.BuiltBy[s] = builder;
        if (builder != 0)
        {
            u.CurrentBuild[u.SlotOf[builder]] = id;
        }

        if (complete)
        {
            u.BuildProgress[s] = 1f;
            u.Health[s] = u.MaxHealth[s];
            u.BuildFramesLeft[s] = 0;
        }
        else
        {
            u.BuildProgress[s] = 0f;
            u.Health[s] = u.MaxHealth[s] * 0.01f;
            u.BuildFramesLeft[s] = Math.Clamp((int)(_defCatalog[defId].BuildTime / 60f), 30, 900);
            construction.Started();
            u.FramesToTarget[s] = int.MaxValue; // nanoframes do not move
        }

        if (_view.CanRead(ally))
        {
            _events.Enqueue(new WorldEvent(WorldEventKind.UnitCreated, _clock.Frame, id, defId, teamId,
                BuilderId: builder));
            if (complete)
            {
                _events.Enqueue(new WorldEvent(WorldEventKind.UnitFinished, _clock.Frame, id, defId, teamId));
            }
        }
    }

    private int FindIdleBuilder(int teamId)
    {
        var u = _units;
        for (var s = 0; s < u.Count; s++)
        {
            if (u.Team[s] == teamId && _defs.IsBuilder[u.DefId[s]] && u.CurrentBuild[s] == 0
                && u.BuildProgress[s] >= 1f)
            {
                return u.IdAt[s];
            }
        }

        return 0;
    }
}
