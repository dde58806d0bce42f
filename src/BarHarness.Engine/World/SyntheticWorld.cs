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

    // Units being built or paralyzed: the per-frame upkeep loop is skipped while both are zero.
    private int _underConstruction, _paralyzed;
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

        var s = Units.SlotOf[unitId];
        var team = Units.Team[s];
        var def = Units.DefId[s];
        var ally = Units.AllyTeam[s];
        var attackerSlot = attackerId != 0 ? Units.Slot(attackerId) : -1;
        if (CanRead(ally))
        {
            Events.Enqueue(new WorldEvent(WorldEventKind.UnitDestroyed, Frame, unitId, def, team,
                AttackerId: attackerSlot >= 0 ? attackerId : 0,
                AttackerDefId: attackerSlot >= 0 ? Units.DefId[attackerSlot] : 0,
                AttackerTeam: attackerSlot >= 0 ? Units.Team[attackerSlot] : -1));
        }

        if (Units.BuildFramesLeft[s] > 0)
        {
            _underConstruction--;
        }

        if (Units.Paralyze[s] > 0)
        {
            _paralyzed--;
        }

        var buildingSlot = Units.Slot(Units.CurrentBuild[s]);
        if (buildingSlot >= 0)
        {
            Units.BuiltBy[buildingSlot] = 0;
        }

        var builderSlot = Units.Slot(Units.BuiltBy[s]);
        if (builderSlot >= 0 && Units.CurrentBuild[builderSlot] == unitId)
        {
            Units.CurrentBuild[builderSlot] = 0;
        }

        Units.Remove(unitId);
        _unitsPerTeam[team]--;
        _ids.Release(unitId, Frame);
        return true;
    }

    /// <summary>Gives a unit to another team (UnitTaken for the old side, then UnitGiven for the new).</summary>
    public bool Transfer(int unitId, int newTeamId)
    {
        var s = Units.Slot(unitId);
        if (s < 0 || !Roster.IsValidTeam(newTeamId) || Units.Team[s] == newTeamId)
        {
            return false;
        }

        var oldTeam = Units.Team[s];
        var def = Units.DefId[s];
        if (CanRead(Units.AllyTeam[s]))
        {
            Events.Enqueue(new WorldEvent(WorldEventKind.UnitTaken, Frame, unitId, def, oldTeam, newTeamId));
        }

        _unitsPerTeam[oldTeam]--;
        _unitsPerTeam[newTeamId]++;
        Units.Team[s] = newTeamId;
        var newAlly = Roster.AllyTeamOf(newTeamId);
        Units.AllyTeam[s] = newAlly;
        var bit = 1u << newAlly;
        Units.LosMask[s] |= bit;
        Units.RadarMask[s] |= bit;
        Units.SeenMask[s] |= bit;
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
        var s = Units.Slot(unitId);
        if (s < 0 || allyTeamId < 0 || allyTeamId >= Roster.AllyTeamCount || Units.AllyTeam[s] == allyTeamId)
        {
            return false;
        }

        SetLos(s, allyTeamId, inLos, raiseEvents: true);
        return true;
    }

    /// <summary>
    /// Moves up to <paramref name="count"/> mobile enemy units next to units of the local ally team, so they
    /// enter its LOS at the next refresh. Buildings are never picked: nothing moves one in BAR.
    /// </summary>
    public int TeleportEnemiesIntoView(int count)
    {
        var moved = 0;
        var ally = LocalAllyTeamId;
        for (var i = 0; i < count; i++)
        {
            var anchor = PickRandomUnitOfAlly(_edgeRandom, ally, sameAlly: true);
            var enemy = PickRandomUnitOfAlly(_edgeRandom, ally, sameAlly: false, mobileOnly: true);
            if (anchor == 0 || enemy == 0)
            {
                break;
            }

            var es = Units.SlotOf[enemy];
            var az = Units.SlotOf[anchor];
            Units.X[es] = Units.X[az] + (float)_edgeRandom.NextDouble(-100, 100);
            Units.Z[es] = Units.Z[az] + (float)_edgeRandom.NextDouble(-100, 100);
            Units.FramesToTarget[es] = 0;
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

    // The checks below take a slot (see UnitTable.Slot), as the engine API's hot paths hold one.
    internal bool IsAlliedToLocal(int slot) => LocalHasFullView || Units.AllyTeam[slot] == LocalAllyTeamId;

    internal bool IsInLocalLos(int slot) => IsAlliedToLocal(slot) || (Units.LosMask[slot] & (1u << LocalAllyTeamId)) != 0;

    internal bool IsVisibleToLocal(int slot) =>
        IsAlliedToLocal(slot) || ((Units.LosMask[slot] | Units.RadarMask[slot]) & (1u << LocalAllyTeamId)) != 0;

    /// <summary>A radar-only contact: unit def is known once it has been seen in LOS (Recoil's "typed").</summary>
    internal bool IsTypedForLocal(int slot) => IsInLocalLos(slot) || (Units.SeenMask[slot] & (1u << LocalAllyTeamId)) != 0;

    // ---------------------------------------------------------------- IWorldTruth

    public bool UnitExists(int unitId) => Units.IsAlive(unitId);

    public bool TryGetTruePosition(int unitId, out float x, out float y, out float z)
    {
        var s = Units.Slot(unitId);
        if (s < 0)
        {
            x = y = z = 0;
            return false;
        }

        x = Units.X[s];
        y = Units.Y[s];
        z = Units.Z[s];
        return true;
    }

    public bool TryGetTrueHealth(int unitId, out float health, out float maxHealth, out float buildProgress)
    {
        var s = Units.Slot(unitId);
        if (s < 0)
        {
            health = maxHealth = buildProgress = 0;
            return false;
        }

        health = Units.Health[s];
        maxHealth = Units.MaxHealth[s];
        buildProgress = Units.BuildProgress[s];
        return true;
    }

    public int TrueTeamOf(int unitId) => Units.Slot(unitId) is var s and >= 0 ? Units.Team[s] : -1;

    public int TrueDefOf(int unitId) => Units.Slot(unitId) is var s and >= 0 ? Units.DefId[s] : 0;

    public int TrueAllyTeamOf(int unitId) => Units.Slot(unitId) is var s and >= 0 ? Units.AllyTeam[s] : -1;

    public bool IsVisibleToLocalPlayer(int unitId) => Units.Slot(unitId) is var s and >= 0 && IsVisibleToLocal(s);

    public bool IsInLosOfLocalPlayer(int unitId) => Units.Slot(unitId) is var s and >= 0 && IsInLocalLos(s);

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
        var s = Units.Add(id);
        Units.DefId[s] = defId;
        Units.Team[s] = teamId;
        Units.AllyTeam[s] = ally;
        Units.X[s] = x;
        Units.Z[s] = z;
        Units.Y[s] = Terrain.HeightAt(x, z) + (_defCanFly[defId] ? FlightHeight : 0);
        Units.VX[s] = Units.VY[s] = Units.VZ[s] = 0;
        Units.Heading[s] = (short)_spawnRandom.Next(-32768, 32768);
        Units.MaxHealth[s] = _defHealth[defId];
        Units.Paralyze[s] = 0;
        Units.FramesToTarget[s] = _defSpeedPerFrame[defId] > 0 ? 0 : int.MaxValue;
        var angle = _spawnRandom.NextDouble(0, Math.Tau);
        Units.ErrX[s] = (float)Math.Cos(angle);
        Units.ErrZ[s] = (float)Math.Sin(angle);
        var bit = 1u << ally;
        Units.LosMask[s] = bit;
        Units.RadarMask[s] = bit;
        Units.SeenMask[s] = bit;
        Units.CurrentBuild[s] = 0;
        _unitsPerTeam[teamId]++;

        var builder = complete ? 0 : FindIdleBuilder(teamId);
        Units.BuiltBy[s] = builder;
        if (builder != 0)
        {
            Units.CurrentBuild[Units.SlotOf[builder]] = id;
        }

        if (complete)
        {
            Units.BuildProgress[s] = 1f;
            Units.Health[s] = Units.MaxHealth[s];
            Units.BuildFramesLeft[s] = 0;
        }
        else
        {
            Units.BuildProgress[s] = 0f;
            Units.Health[s] = Units.MaxHealth[s] * 0.01f;
            Units.BuildFramesLeft[s] = Math.Clamp((int)(UnitDefs[defId].BuildTime / 60f), 30, 900);
            _underConstruction++;
            Units.FramesToTarget[s] = int.MaxValue; // nanoframes do not move
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
        for (var s = 0; s < Units.Count; s++)
        {
            if (Units.Team[s] == teamId && _defIsBuilder[Units.DefId[s]] && Units.CurrentBuild[s] == 0 && Units.BuildProgress[s] >= 1f)
            {
                return Units.IdAt[s];
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
        var count = u.Count;
        for (var s = 0; s < count; s++)
        {
            var left = u.FramesToTarget[s];
            if (left == int.MaxValue)
            {
                continue;
            }

            if (left <= 0)
            {
                PickNewTarget(s);
            }

            var x = u.X[s] + u.VX[s];
            var z = u.Z[s] + u.VZ[s];
            var y = Terrain.HeightAt(x, z) + (_defCanFly[u.DefId[s]] ? FlightHeight : 0);
            u.VY[s] = y - u.Y[s];
            u.X[s] = x;
            u.Y[s] = y;
            u.Z[s] = z;
            u.FramesToTarget[s]--;
        }
    }

    private void PickNewTarget(int s)
    {
        var u = Units;
        var speed = _defSpeedPerFrame[u.DefId[s]];
        var x = u.X[s];
        var z = u.Z[s];
        if (!float.IsFinite(x) || !float.IsFinite(z) || speed <= 0)
        {
            u.VX[s] = u.VZ[s] = 0;
            u.FramesToTarget[s] = int.MaxValue; // stuck (edge data): never moves again
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
        u.TargetX[s] = tx;
        u.TargetZ[s] = tz;
        u.VX[s] = dx / frames;
        u.VZ[s] = dz / frames;
        u.FramesToTarget[s] = frames;
        u.Heading[s] = (short)Math.Clamp((int)MathF.Round(MathF.Atan2(dx, dz) * (32768f / MathF.PI)), -32768, 32767);
    }

    private void AdvanceConstruction()
    {
        if (_underConstruction == 0 && _paralyzed == 0)
        {
            return;
        }

        var u = Units;
        var count = u.Count;
        for (var s = 0; s < count; s++)
        {
            var left = u.BuildFramesLeft[s];
            if (left > 0)
            {
                left--;
                u.BuildFramesLeft[s] = left;
                var progress = left == 0 ? 1f : u.BuildProgress[s] + ((1f - u.BuildProgress[s]) / (left + 1));
                u.BuildProgress[s] = progress;
                u.Health[s] = Math.Max(u.Health[s], u.MaxHealth[s] * progress);
                if (left == 0)
                {
                    _underConstruction--;
                    FinishConstruction(s);
                }
            }

            if (u.Paralyze[s] > 0)
            {
                u.Paralyze[s] = Math.Max(0, u.Paralyze[s] - (u.MaxHealth[s] / 300f));
                if (u.Paralyze[s] == 0)
                {
                    _paralyzed--;
                }
            }
        }
    }

    private void FinishConstruction(int s)
    {
        var id = Units.IdAt[s];
        var builderSlot = Units.Slot(Units.BuiltBy[s]);
        if (builderSlot >= 0 && Units.CurrentBuild[builderSlot] == id)
        {
            Units.CurrentBuild[builderSlot] = 0;
        }

        Units.BuiltBy[s] = 0;
        if (_defSpeedPerFrame[Units.DefId[s]] > 0)
        {
            Units.FramesToTarget[s] = 0;
        }

        if (CanRead(Units.AllyTeam[s]))
        {
            Events.Enqueue(new WorldEvent(WorldEventKind.UnitFinished, Frame, id, Units.DefId[s], Units.Team[s]));
        }
    }

    private void ApplyCombat()
    {
        var expected = Units.Count * Setup.CombatIntensity;
        var hits = (int)expected + (_combatRandom.Chance(expected - Math.Floor(expected)) ? 1 : 0);
        for (var h = 0; h < hits && Units.Count > 0; h++)
        {
            var victim = PickRandomUnit(_combatRandom, null);
            var vs = Units.SlotOf[victim];
            var damage = Units.MaxHealth[vs] * (float)_combatRandom.NextDouble(0.05, 0.45);
            if (_combatRandom.Chance(0.05))
            {
                if (Units.Paralyze[vs] <= 0)
                {
                    _paralyzed++;
                }

                Units.Paralyze[vs] += damage; // an EMP hit
                continue;
            }

            Units.Health[vs] -= damage;
            if (Units.Health[vs] <= 0 && !Hazards.KeepNegativeHealthUnitsAlive)
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
        for (var s = 0; s < ids.Length; s++)
        {
            if (Units.Team[s] == teamId && nth-- == 0)
            {
                return ids[s];
            }
        }

        return 0;
    }

    private int PickRandomUnitOfAlly(SeededRandom random, int allyTeam, bool sameAlly, bool mobileOnly = false)
    {
        var ids = Units.AliveIds;
        if (ids.Length == 0)
        {
            return 0;
        }

        var start = random.Next(0, ids.Length);
        for (var k = 0; k < ids.Length; k++)
        {
            var s = (start + k) % ids.Length;
            if ((Units.AllyTeam[s] == allyTeam) == sameAlly && (!mobileOnly || _defSpeedPerFrame[Units.DefId[s]] > 0))
            {
                return ids[s];
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

        return PickRandomUnitOfAlly(_combatRandom, Units.AllyTeam[Units.SlotOf[victim]], sameAlly: false);
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
            los.StampDisc(u.X[s], u.Z[s], built ? _defLosRadius[def] : SensorGrid.CellSize);
            if (built && _defRadarRadius[def] > 0)
            {
                radar.StampDisc(u.X[s], u.Z[s], _defRadarRadius[def]);
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

    private void SetLos(int s, int allyTeam, bool inLos, bool raiseEvents)
    {
        var bit = 1u << allyTeam;
        var was = (Units.LosMask[s] & bit) != 0;
        if (was == inLos)
        {
            return;
        }

        if (inLos)
        {
            Units.LosMask[s] |= bit;
            Units.SeenMask[s] |= bit;
        }
        else
        {
            Units.LosMask[s] &= ~bit;
        }

        if (raiseEvents && CanRead(allyTeam))
        {
            Events.Enqueue(new WorldEvent(inLos ? WorldEventKind.UnitEnteredLos : WorldEventKind.UnitLeftLos, Frame, Units.IdAt[s], Units.DefId[s], Units.Team[s], AllyTeam: allyTeam));
        }
    }

    private void SetRadar(int s, int allyTeam, bool inRadar, bool raiseEvents)
    {
        var bit = 1u << allyTeam;
        var was = (Units.RadarMask[s] & bit) != 0;
        if (was == inRadar)
        {
            return;
        }

        Units.RadarMask[s] = inRadar ? Units.RadarMask[s] | bit : Units.RadarMask[s] & ~bit;
        if (raiseEvents && CanRead(allyTeam))
        {
            Events.Enqueue(new WorldEvent(inRadar ? WorldEventKind.UnitEnteredRadar : WorldEventKind.UnitLeftRadar, Frame, Units.IdAt[s], Units.DefId[s], Units.Team[s], AllyTeam: allyTeam));
        }
    }
}
