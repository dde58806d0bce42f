using BarHarness.Core.Randomness;

namespace BarHarness.Engine.World;

/// <summary>
/// The synthetic Recoil game: roster, unit types, units, economy, sensors and clock. The runner
/// calls <see cref="StepFrame"/> once per sim frame and forwards <see cref="Events"/> to the
/// widget's call-ins. Every random draw comes from a named fork of the setup's seed, so a seed
/// replays a game exactly.
/// </summary>
public sealed partial class SyntheticWorld : IWorldTruth
{
    /// <summary>Recoil's default radar error size in elmos (blips are offset up to this far).</summary>
    public const float RadarErrorSize = 96f;

    private const float FlightHeight = 150f;
    private const float WanderRange = 1200f;

    private readonly SeededRandom _moveRandom;
    private readonly SeededRandom _spawnRandom;
    private readonly SeededRandom _combatRandom;
    private readonly SeededRandom _edgeRandom;
    private readonly UnitIdPool _ids;
    private readonly SensorGrid[] _los;
    private readonly SensorGrid[] _radar;
    private readonly int[] _unitsPerTeam;
    private readonly float[] _defLosRadius, _defRadarRadius, _defSpeedPerFrame, _defHealth;
    private readonly bool[] _defCanFly, _defIsBuilder;
    private readonly (float X, float Z)[] _startPoints;

    private double _spawnCredit, _destroyCredit;
    private int _nextSpawnTeam;

    public SyntheticWorld(GameSetup setup)
    {
        setup.Validate();
        Setup = setup;
        var root = new SeededRandom(setup.Seed);
        Roster = Roster.Create(setup, root.Fork("world.roster"));
        UnitDefs = UnitDefCatalog.Generate(root.Fork("world.unitdefs"), setup.UnitDefCount);
        Terrain = new Terrain(setup.MapSizeX, setup.MapSizeZ, root.Fork("world.terrain"));
        Economy = new TeamEconomy(Roster.Teams.Count, root.Fork("world.economy"));
        Clock = new GameClock { IsReplay = setup.IsReplay };
        Units = new UnitTable(setup.MaxUnits);
        _ids = new UnitIdPool(setup.MaxUnits, setup.UnitIdRecycleDelayFrames, root.Fork("world.unitids"));
        _moveRandom = root.Fork("world.movement");
        _spawnRandom = root.Fork("world.spawn");
        _combatRandom = root.Fork("world.combat");
        _edgeRandom = root.Fork("world.edge");
        _los = new SensorGrid[Roster.AllyTeamCount];
        _radar = new SensorGrid[Roster.AllyTeamCount];
        for (var a = 0; a < Roster.AllyTeamCount; a++)
        {
            _los[a] = new SensorGrid(setup.MapSizeX, setup.MapSizeZ);
            _radar[a] = new SensorGrid(setup.MapSizeX, setup.MapSizeZ);
        }

        _unitsPerTeam = new int[Roster.Teams.Count];
        var defSlots = UnitDefs.Count + 1;
        _defLosRadius = new float[defSlots];
        _defRadarRadius = new float[defSlots];
        _defSpeedPerFrame = new float[defSlots];
        _defHealth = new float[defSlots];
        _defCanFly = new bool[defSlots];
        _defIsBuilder = new bool[defSlots];
        foreach (var d in UnitDefs.All)
        {
            _defLosRadius[d.Id] = d.LosRadius;
            _defRadarRadius[d.Id] = d.RadarRadius;
            _defSpeedPerFrame[d.Id] = d.SpeedPerFrame;
            _defHealth[d.Id] = d.Health;
            _defCanFly[d.Id] = d.CanFly;
            _defIsBuilder[d.Id] = d.IsBuilder;
        }

        var startRandom = root.Fork("world.startpoints");
        _startPoints = new (float, float)[Roster.Teams.Count];
        for (var t = 0; t < Roster.Teams.Count; t++)
        {
            _startPoints[t] = ((float)startRandom.NextDouble(0.1, 0.9) * setup.MapSizeX, (float)startRandom.NextDouble(0.1, 0.9) * setup.MapSizeZ);
        }

        var local = setup.LocalPlayer;
        LocalIsSpectator = local.IsSpectator;
        LocalHasFullView = local.IsSpectator && local.FullView;
        LocalTeamId = Roster.LocalPlayer.TeamId;

        if (setup.InitialUnits > 0)
        {
            SpawnAcrossTeams(setup.InitialUnits, complete: true);
        }

        RefreshAllSensors(raiseEvents: false);
    }

    public GameSetup Setup { get; }

    public Roster Roster { get; private set; }

    public UnitDefCatalog UnitDefs { get; }

    public Terrain Terrain { get; }

    public TeamEconomy Economy { get; }

    public GameClock Clock { get; }

    public UnitTable Units { get; }

    /// <summary>Pending call-ins for the local player's LuaUI, in the order they happened.</summary>
    public WorldEventQueue Events { get; } = new();

    /// <summary>Engine-API hazards the natives apply (e.g. a unit dying right after GetAllUnits).</summary>
    public ApiHazards Hazards { get; } = new();

    public int Frame => Clock.Frame;

    public int MapSizeX => Setup.MapSizeX;

    public int MapSizeZ => Setup.MapSizeZ;

    public int LocalPlayerId => Roster.LocalPlayerId;

    public int LocalTeamId { get; private set; }

    public int LocalAllyTeamId => Roster.AllyTeamOf(LocalTeamId);

    public bool LocalIsSpectator { get; private set; }

    public bool LocalHasFullView { get; private set; }

    public int UnitCount => Units.Count;

    /// <summary>Units wanted by the ramp (null: no ramp).</summary>
    public int? UnitCountTarget { get; private set; }

    public int MaxChangePerFrame { get; private set; } = 50;

    public double ChurnSpawnsPerFrame { get; private set; }

    public double ChurnDestroysPerFrame { get; private set; }

    /// <summary>
    /// Advances one sim frame: ids cool down, ramp and churn apply, units move and build, combat
    /// happens, the economy ticks and the ally teams due this frame refresh their LOS and radar.
    /// Returns false (and does nothing) while the game is paused or over.
    /// </summary>
    public bool StepFrame()
    {
        if (Clock.Paused || Clock.GameOver)
        {
            return false;
        }

        Clock.StartGame();
        var frame = ++Clock.Frame;
        _ids.Tick(frame);
        ApplyRampAndChurn();
        MoveUnits();
        AdvanceConstruction();
        ApplyCombat();
        Economy.Step(frame, _unitsPerTeam);
        for (var a = 0; a < _los.Length; a++)
        {
            if ((frame + a) % Setup.LosUpdateInterval == 0)
            {
                RefreshSensors(a, raiseEvents: true);
            }
        }

        return true;
    }

    // ---------------------------------------------------------------- operations

    /// <summary>Spawns up to <paramref name="count"/> units of a team (random types unless given).</summary>
    public int Spawn(int teamId, int count, int? unitDefId = null, bool complete = true)
    {
        if (!Roster.IsValidTeam(teamId))
        {
            throw new ArgumentOutOfRangeException(nameof(teamId), $"no team {teamId}");
        }

        if (unitDefId is { } d && !UnitDefs.IsValid(d))
        {
            throw new ArgumentOutOfRangeException(nameof(unitDefId), $"no unit def {d}");
        }

        var made = 0;
        for (var i = 0; i < count; i++)
        {
            var def = unitDefId ?? _spawnRandom.Next(1, UnitDefs.Count + 1);
            if (SpawnOne(teamId, def, complete) == 0)
            {
                break;
            }

            made++;
        }

        return made;
    }

    /// <summary>Spawns units spread round-robin over the playing teams (not Gaia).</summary>
    public int SpawnAcrossTeams(int count, bool complete = true)
    {
        var made = 0;
        for (var i = 0; i < count; i++)
        {
            var team = _nextSpawnTeam++ % Roster.PlayingTeamCount;
            if (SpawnOne(team, _spawnRandom.Next(1, UnitDefs.Count + 1), complete) == 0)
            {
                break;
            }

            made++;
        }

        return made;
    }

    /// <summary>Destroys up to <paramref name="count"/> random units (optionally of one team).</summary>
    public int DestroyRandom(int count, int? teamId = null)
    {
        var destroyed = 0;
        for (var i = 0; i < count && Units.Count > 0; i++)
        {
            var victim = PickRandomUnit(_spawnRandom, teamId);
            if (victim == 0)
            {
                break;
            }

            Destroy(victim, PickAttackerFor(victim));
            destroyed++;
        }

        return destroyed;
    }

    /// <summary>Destroys one unit now; <paramref name="attackerId"/> 0 means no attacker.</summary>
    public bool Destroy(int unitId, int attackerId = 0)
    {
        if (!Units.IsAlive(unitId))
        {
            return false;
        }

        var team = Units.Team[unitId];
        var def = Units.DefId[unitId];
        var ally = Units.AllyTeam[unitId];
        var hasAttacker = attackerId != 0 && Units.IsAlive(attackerId);
        if (CanRead(ally))
        {
            Events.Enqueue(new WorldEvent(WorldEventKind.UnitDestroyed, Frame, unitId, def, team,
                AttackerId: hasAttacker ? attackerId : 0,
                AttackerDefId: hasAttacker ? Units.DefId[attackerId] : 0,
                AttackerTeam: hasAttacker ? Units.Team[attackerId] : -1));
        }

        var building = Units.CurrentBuild[unitId];
        if (building != 0 && Units.IsAlive(building))
        {
            Units.BuiltBy[building] = 0;
        }

        var builder = Units.BuiltBy[unitId];
        if (builder != 0 && Units.IsAlive(builder) && Units.CurrentBuild[builder] == unitId)
        {
            Units.CurrentBuild[builder] = 0;
        }

        Units.Remove(unitId);
        _unitsPerTeam[team]--;
        _ids.Release(unitId, Frame);
        return true;
    }

    /// <summary>Gives a unit to another team (UnitTaken for the old side, then UnitGiven for the new).</summary>
    public bool Transfer(int unitId, int newTeamId)
    {
        if (!Units.IsAlive(unitId) || !Roster.IsValidTeam(newTeamId) || Units.Team[unitId] == newTeamId)
        {
            return false;
        }

        var oldTeam = Units.Team[unitId];
        var def = Units.DefId[unitId];
        if (CanRead(Units.AllyTeam[unitId]))
        {
            Events.Enqueue(new WorldEvent(WorldEventKind.UnitTaken, Frame, unitId, def, oldTeam, newTeamId));
        }

        _unitsPerTeam[oldTeam]--;
        _unitsPerTeam[newTeamId]++;
        Units.Team[unitId] = newTeamId;
        var newAlly = Roster.AllyTeamOf(newTeamId);
        Units.AllyTeam[unitId] = newAlly;
        var bit = 1u << newAlly;
        Units.LosMask[unitId] |= bit;
        Units.RadarMask[unitId] |= bit;
        Units.SeenMask[unitId] |= bit;
        if (CanRead(newAlly))
        {
            Events.Enqueue(new WorldEvent(WorldEventKind.UnitGiven, Frame, unitId, def, newTeamId, oldTeam));
        }

        return true;
    }

    /// <summary>Transfers up to <paramref name="count"/> random units of one team to another.</summary>
    public int TransferRandom(int count, int fromTeamId, int toTeamId)
    {
        var moved = 0;
        for (var i = 0; i < count; i++)
        {
            var unit = PickRandomUnit(_spawnRandom, fromTeamId);
            if (unit == 0 || !Transfer(unit, toTeamId))
            {
                break;
            }

            moved++;
        }

        return moved;
    }

    /// <summary>Ramps the live unit count towards <paramref name="target"/>, at most <paramref name="maxChangePerFrame"/> a frame.</summary>
    public void SetUnitCountTarget(int? target, int maxChangePerFrame = 50)
    {
        UnitCountTarget = target is { } t ? Math.Clamp(t, 0, Setup.MaxUnits) : null;
        MaxChangePerFrame = Math.Max(1, maxChangePerFrame);
    }

    /// <summary>Steady turnover: units born and killed every frame (fractions accumulate).</summary>
    public void SetChurn(double spawnsPerFrame, double destroysPerFrame)
    {
        ChurnSpawnsPerFrame = Math.Max(0, spawnsPerFrame);
        ChurnDestroysPerFrame = Math.Max(0, destroysPerFrame);
    }

    /// <summary>
    /// Forces a unit into or out of an ally team's LOS now (raising the call-in); the next sensor
    /// refresh of that ally team recomputes it from positions again.
    /// </summary>
    public bool ForceLosState(int unitId, int allyTeamId, bool inLos)
    {
        if (!Units.IsAlive(unitId) || allyTeamId < 0 || allyTeamId >= Roster.AllyTeamCount || Units.AllyTeam[unitId] == allyTeamId)
        {
            return false;
        }

        SetLos(unitId, allyTeamId, inLos, raiseEvents: true);
        return true;
    }

    /// <summary>Moves up to <paramref name="count"/> enemy units next to units of the local ally team, so they enter its LOS at the next refresh.</summary>
    public int TeleportEnemiesIntoView(int count)
    {
        var moved = 0;
        var ally = LocalAllyTeamId;
        for (var i = 0; i < count; i++)
        {
            var anchor = PickRandomUnitOfAlly(_edgeRandom, ally, sameAlly: true);
            var enemy = PickRandomUnitOfAlly(_edgeRandom, ally, sameAlly: false);
            if (anchor == 0 || enemy == 0)
            {
                break;
            }

            Units.X[enemy] = Units.X[anchor] + (float)_edgeRandom.NextDouble(-100, 100);
            Units.Z[enemy] = Units.Z[anchor] + (float)_edgeRandom.NextDouble(-100, 100);
            Units.FramesToTarget[enemy] = 0;
            moved++;
        }

        return moved;
    }

    /// <summary>Changes what the local player is (PlayerChanged in BAR); sensors are re-read at once.</summary>
    public void SetLocalView(bool spectator, bool fullView, int teamId)
    {
        if (!Roster.IsValidTeam(teamId))
        {
            throw new ArgumentOutOfRangeException(nameof(teamId), $"no team {teamId}");
        }

        LocalIsSpectator = spectator;
        LocalHasFullView = spectator && fullView;
        LocalTeamId = teamId;
    }

    public void EndGame() => Clock.EndGame();

    // ---------------------------------------------------------------- read access (Recoil's rules)

    /// <summary>Whether the local LuaUI may read things of this ally team (own ally team, or full view).</summary>
    public bool CanRead(int allyTeamId) => LocalHasFullView || allyTeamId == LocalAllyTeamId;

    internal bool IsAlliedToLocal(int unitId) => LocalHasFullView || Units.AllyTeam[unitId] == LocalAllyTeamId;

    internal bool IsInLocalLos(int unitId) => IsAlliedToLocal(unitId) || (Units.LosMask[unitId] & (1u << LocalAllyTeamId)) != 0;

    internal bool IsVisibleToLocal(int unitId) =>
        IsAlliedToLocal(unitId) || ((Units.LosMask[unitId] | Units.RadarMask[unitId]) & (1u << LocalAllyTeamId)) != 0;

    /// <summary>A radar-only contact: unit def is known once it has been seen in LOS (Recoil's "typed").</summary>
    internal bool IsTypedForLocal(int unitId) => IsInLocalLos(unitId) || (Units.SeenMask[unitId] & (1u << LocalAllyTeamId)) != 0;

    // ---------------------------------------------------------------- IWorldTruth

    public bool UnitExists(int unitId) => Units.IsAlive(unitId);

    public bool TryGetTruePosition(int unitId, out float x, out float y, out float z)
    {
        if (!Units.IsAlive(unitId))
        {
            x = y = z = 0;
            return false;
        }

        x = Units.X[unitId];
        y = Units.Y[unitId];
        z = Units.Z[unitId];
        return true;
    }

    public bool TryGetTrueHealth(int unitId, out float health, out float maxHealth, out float buildProgress)
    {
        if (!Units.IsAlive(unitId))
        {
            health = maxHealth = buildProgress = 0;
            return false;
        }

        health = Units.Health[unitId];
        maxHealth = Units.MaxHealth[unitId];
        buildProgress = Units.BuildProgress[unitId];
        return true;
    }

    public int TrueTeamOf(int unitId) => Units.IsAlive(unitId) ? Units.Team[unitId] : -1;

    public int TrueDefOf(int unitId) => Units.IsAlive(unitId) ? Units.DefId[unitId] : 0;

    public bool IsVisibleToLocalPlayer(int unitId) => Units.IsAlive(unitId) && IsVisibleToLocal(unitId);

    public bool IsInLosOfLocalPlayer(int unitId) => Units.IsAlive(unitId) && IsInLocalLos(unitId);

    public int[] VisibleUnitIdsForLocalPlayer()
    {
        var list = new List<int>(Units.Count);
        foreach (var u in Units.AliveIds)
        {
            if (IsVisibleToLocal(u))
            {
                list.Add(u);
            }
        }

        list.Sort();
        return [.. list];
    }

    public int[] AllUnitIds()
    {
        var ids = Units.AliveIds.ToArray();
        Array.Sort(ids);
        return ids;
    }

    public ResourceValues TeamResources(int teamId, ResourceKind kind) => Economy.Get(teamId, kind);

    public int UnitCountOfTeam(int teamId) => _unitsPerTeam[teamId];

    public ulong StateHash() => WorldStateHash.Compute(this);

    // ---------------------------------------------------------------- frame work

    private int SpawnOne(int teamId, int defId, bool complete)
    {
        if (!_ids.TryTake(out var id))
        {
            return 0;
        }

        var (sx, sz) = _startPoints[teamId];
        var x = Math.Clamp(sx + (float)_spawnRandom.NextDouble(-1500, 1500), 0, MapSizeX);
        var z = Math.Clamp(sz + (float)_spawnRandom.NextDouble(-1500, 1500), 0, MapSizeZ);
        var ally = Roster.AllyTeamOf(teamId);
        Units.Add(id);
        Units.DefId[id] = defId;
        Units.Team[id] = teamId;
        Units.AllyTeam[id] = ally;
        Units.X[id] = x;
        Units.Z[id] = z;
        Units.Y[id] = Terrain.HeightAt(x, z) + (_defCanFly[defId] ? FlightHeight : 0);
        Units.VX[id] = Units.VY[id] = Units.VZ[id] = 0;
        Units.Heading[id] = (short)_spawnRandom.Next(-32768, 32768);
        Units.MaxHealth[id] = _defHealth[defId];
        Units.Paralyze[id] = 0;
        Units.FramesToTarget[id] = _defSpeedPerFrame[defId] > 0 ? 0 : int.MaxValue;
        var angle = _spawnRandom.NextDouble(0, Math.Tau);
        Units.ErrX[id] = (float)Math.Cos(angle);
        Units.ErrZ[id] = (float)Math.Sin(angle);
        var bit = 1u << ally;
        Units.LosMask[id] = bit;
        Units.RadarMask[id] = bit;
        Units.SeenMask[id] = bit;
        Units.CurrentBuild[id] = 0;
        _unitsPerTeam[teamId]++;

        var builder = complete ? 0 : FindIdleBuilder(teamId);
        Units.BuiltBy[id] = builder;
        if (builder != 0)
        {
            Units.CurrentBuild[builder] = id;
        }

        if (complete)
        {
            Units.BuildProgress[id] = 1f;
            Units.Health[id] = Units.MaxHealth[id];
            Units.BuildFramesLeft[id] = 0;
        }
        else
        {
            Units.BuildProgress[id] = 0f;
            Units.Health[id] = Units.MaxHealth[id] * 0.01f;
            Units.BuildFramesLeft[id] = Math.Clamp((int)(UnitDefs[defId].BuildTime / 60f), 30, 900);
            Units.FramesToTarget[id] = int.MaxValue; // nanoframes do not move
        }

        if (CanRead(ally))
        {
            Events.Enqueue(new WorldEvent(WorldEventKind.UnitCreated, Frame, id, defId, teamId, BuilderId: builder));
            if (complete)
            {
                Events.Enqueue(new WorldEvent(WorldEventKind.UnitFinished, Frame, id, defId, teamId));
            }
        }

        return id;
    }

    private int FindIdleBuilder(int teamId)
    {
        foreach (var u in Units.AliveIds)
        {
            if (Units.Team[u] == teamId && _defIsBuilder[Units.DefId[u]] && Units.CurrentBuild[u] == 0 && Units.BuildProgress[u] >= 1f)
            {
                return u;
            }
        }

        return 0;
    }

    private void ApplyRampAndChurn()
    {
        if (UnitCountTarget is { } target)
        {
            var diff = target - Units.Count;
            if (diff > 0)
            {
                SpawnAcrossTeams(Math.Min(diff, MaxChangePerFrame), complete: _spawnRandom.Chance(0.7));
            }
            else if (diff < 0)
            {
                DestroyRandom(Math.Min(-diff, MaxChangePerFrame));
            }
        }

        _spawnCredit += ChurnSpawnsPerFrame;
        _destroyCredit += ChurnDestroysPerFrame;
        var spawns = (int)_spawnCredit;
        var destroys = (int)_destroyCredit;
        _spawnCredit -= spawns;
        _destroyCredit -= destroys;
        if (destroys > 0)
        {
            DestroyRandom(destroys);
        }

        if (spawns > 0)
        {
            SpawnAcrossTeams(spawns, complete: false);
        }
    }

    private void MoveUnits()
    {
        var u = Units;
        var ids = u.AliveIds;
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            var left = u.FramesToTarget[id];
            if (left == int.MaxValue)
            {
                continue;
            }

            if (left <= 0)
            {
                PickNewTarget(id);
            }

            var x = u.X[id] + u.VX[id];
            var z = u.Z[id] + u.VZ[id];
            var y = Terrain.HeightAt(x, z) + (_defCanFly[u.DefId[id]] ? FlightHeight : 0);
            u.VY[id] = y - u.Y[id];
            u.X[id] = x;
            u.Y[id] = y;
            u.Z[id] = z;
            u.FramesToTarget[id]--;
        }
    }

    private void PickNewTarget(int id)
    {
        var u = Units;
        var speed = _defSpeedPerFrame[u.DefId[id]];
        var x = u.X[id];
        var z = u.Z[id];
        if (!float.IsFinite(x) || !float.IsFinite(z) || speed <= 0)
        {
            u.VX[id] = u.VZ[id] = 0;
            u.FramesToTarget[id] = int.MaxValue; // stuck (edge data): never moves again
            return;
        }

        var outside = x < 0 || z < 0 || x > MapSizeX || z > MapSizeZ;
        float tx, tz;
        if (outside && Hazards.KeepUnitsBeyondMap)
        {
            tx = x + (float)_moveRandom.NextDouble(-WanderRange, WanderRange);
            tz = z + (float)_moveRandom.NextDouble(-WanderRange, WanderRange);
        }
        else
        {
            tx = Math.Clamp(x + (float)_moveRandom.NextDouble(-WanderRange, WanderRange), 0, MapSizeX);
            tz = Math.Clamp(z + (float)_moveRandom.NextDouble(-WanderRange, WanderRange), 0, MapSizeZ);
        }

        var dx = tx - x;
        var dz = tz - z;
        var dist = MathF.Sqrt((dx * dx) + (dz * dz));
        var frames = Math.Max(1, (int)MathF.Ceiling(dist / speed));
        u.TargetX[id] = tx;
        u.TargetZ[id] = tz;
        u.VX[id] = dx / frames;
        u.VZ[id] = dz / frames;
        u.FramesToTarget[id] = frames;
        u.Heading[id] = (short)Math.Clamp((int)MathF.Round(MathF.Atan2(dx, dz) * (32768f / MathF.PI)), -32768, 32767);
    }

    private void AdvanceConstruction()
    {
        var u = Units;
        var ids = u.AliveIds;
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            var left = u.BuildFramesLeft[id];
            if (left > 0)
            {
                left--;
                u.BuildFramesLeft[id] = left;
                var progress = left == 0 ? 1f : u.BuildProgress[id] + ((1f - u.BuildProgress[id]) / (left + 1));
                u.BuildProgress[id] = progress;
                u.Health[id] = Math.Max(u.Health[id], u.MaxHealth[id] * progress);
                if (left == 0)
                {
                    FinishConstruction(id);
                }
            }

            if (u.Paralyze[id] > 0)
            {
                u.Paralyze[id] = Math.Max(0, u.Paralyze[id] - (u.MaxHealth[id] / 300f));
            }
        }
    }

    private void FinishConstruction(int id)
    {
        var builder = Units.BuiltBy[id];
        if (builder != 0 && Units.IsAlive(builder) && Units.CurrentBuild[builder] == id)
        {
            Units.CurrentBuild[builder] = 0;
        }

        Units.BuiltBy[id] = 0;
        if (_defSpeedPerFrame[Units.DefId[id]] > 0)
        {
            Units.FramesToTarget[id] = 0;
        }

        if (CanRead(Units.AllyTeam[id]))
        {
            Events.Enqueue(new WorldEvent(WorldEventKind.UnitFinished, Frame, id, Units.DefId[id], Units.Team[id]));
        }
    }

    private void ApplyCombat()
    {
        var expected = Units.Count * Setup.CombatIntensity;
        var hits = (int)expected + (_combatRandom.Chance(expected - Math.Floor(expected)) ? 1 : 0);
        for (var h = 0; h < hits && Units.Count > 0; h++)
        {
            var victim = PickRandomUnit(_combatRandom, null);
            var damage = Units.MaxHealth[victim] * (float)_combatRandom.NextDouble(0.05, 0.45);
            if (_combatRandom.Chance(0.05))
            {
                Units.Paralyze[victim] += damage; // an EMP hit
                continue;
            }

            Units.Health[victim] -= damage;
            if (Units.Health[victim] <= 0 && !Hazards.KeepNegativeHealthUnitsAlive)
            {
                Destroy(victim, PickAttackerFor(victim));
            }
        }
    }

    private int PickRandomUnit(SeededRandom random, int? teamId)
    {
        var ids = Units.AliveIds;
        if (ids.Length == 0)
        {
            return 0;
        }

        if (teamId is null)
        {
            return ids[random.Next(0, ids.Length)];
        }

        if (_unitsPerTeam[teamId.Value] == 0)
        {
            return 0;
        }

        var nth = random.Next(0, _unitsPerTeam[teamId.Value]);
        foreach (var u in ids)
        {
            if (Units.Team[u] == teamId && nth-- == 0)
            {
                return u;
            }
        }

        return 0;
    }

    private int PickRandomUnitOfAlly(SeededRandom random, int allyTeam, bool sameAlly)
    {
        var ids = Units.AliveIds;
        if (ids.Length == 0)
        {
            return 0;
        }

        var start = random.Next(0, ids.Length);
        for (var k = 0; k < ids.Length; k++)
        {
            var u = ids[(start + k) % ids.Length];
            if ((Units.AllyTeam[u] == allyTeam) == sameAlly)
            {
                return u;
            }
        }

        return 0;
    }

    private int PickAttackerFor(int victim)
    {
        // A third of deaths have no known attacker (self-destruct, unseen shooter).
        if (_combatRandom.Chance(0.33))
        {
            return 0;
        }

        return PickRandomUnitOfAlly(_combatRandom, Units.AllyTeam[victim], sameAlly: false);
    }

    private void RefreshAllSensors(bool raiseEvents)
    {
        for (var a = 0; a < _los.Length; a++)
        {
            RefreshSensors(a, raiseEvents);
        }
    }

    private void RefreshSensors(int allyTeam, bool raiseEvents)
    {
        var u = Units;
        var los = _los[allyTeam];
        var radar = _radar[allyTeam];
        los.Clear();
        radar.Clear();
        var ids = u.AliveIds;
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            if (u.AllyTeam[id] != allyTeam)
            {
                continue;
            }

            var def = u.DefId[id];
            // Nanoframes see only a little around themselves; radars work when finished.
            var built = u.BuildFramesLeft[id] == 0;
            los.StampDisc(u.X[id], u.Z[id], built ? _defLosRadius[def] : SensorGrid.CellSize);
            if (built && _defRadarRadius[def] > 0)
            {
                radar.StampDisc(u.X[id], u.Z[id], _defRadarRadius[def]);
            }
        }

        var bit = 1u << allyTeam;
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            if (u.AllyTeam[id] == allyTeam)
            {
                u.LosMask[id] |= bit;
                u.RadarMask[id] |= bit;
                u.SeenMask[id] |= bit;
                continue;
            }

            var x = u.X[id];
            var z = u.Z[id];
            SetRadar(id, allyTeam, radar.Covers(x, z), raiseEvents);
            SetLos(id, allyTeam, los.Covers(x, z), raiseEvents);
        }
    }

    private void SetLos(int id, int allyTeam, bool inLos, bool raiseEvents)
    {
        var bit = 1u << allyTeam;
        var was = (Units.LosMask[id] & bit) != 0;
        if (was == inLos)
        {
            return;
        }

        if (inLos)
        {
            Units.LosMask[id] |= bit;
            Units.SeenMask[id] |= bit;
        }
        else
        {
            Units.LosMask[id] &= ~bit;
        }

        if (raiseEvents && CanRead(allyTeam))
        {
            Events.Enqueue(new WorldEvent(inLos ? WorldEventKind.UnitEnteredLos : WorldEventKind.UnitLeftLos, Frame, id, Units.DefId[id], Units.Team[id], AllyTeam: allyTeam));
        }
    }

    private void SetRadar(int id, int allyTeam, bool inRadar, bool raiseEvents)
    {
        var bit = 1u << allyTeam;
        var was = (Units.RadarMask[id] & bit) != 0;
        if (was == inRadar)
        {
            return;
        }

        Units.RadarMask[id] = inRadar ? Units.RadarMask[id] | bit : Units.RadarMask[id] & ~bit;
        if (raiseEvents && CanRead(allyTeam))
        {
            Events.Enqueue(new WorldEvent(inRadar ? WorldEventKind.UnitEnteredRadar : WorldEventKind.UnitLeftRadar, Frame, id, Units.DefId[id], Units.Team[id], AllyTeam: allyTeam));
        }
    }
}
