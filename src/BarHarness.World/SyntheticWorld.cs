namespace BarHarness.World;

/// <summary>
/// The synthetic Recoil game: roster, unit types, units, economy, sensors and clock. The runner
/// calls <see cref="StepFrame"/> once per sim frame and forwards <see cref="Events"/> to the
/// widget's call-ins. Each concern is its own type (unit-count timeline, lifecycle, movement,
/// construction, combat, sensors, the local player's view); this class composes them. Every random
/// draw comes from a named fork of the setup's seed, so a seed replays a game exactly.
/// </summary>
public sealed partial class SyntheticWorld : IWorldTruth
{
    /// <summary>Recoil's default radar error size in elmos (blips are offset up to this far).</summary>
    public const float RadarErrorSize = 96f;

    private readonly SeededRandom _edgeRandom;
    private readonly int[] _unitsPerTeam;
    private readonly UnitDefStats _defs;
    private readonly LocalView _view;
    private readonly UnitPicker _picker;
    private readonly UnitLifecycle _lifecycle;
    private readonly UnitCountTimeline _timeline;
    private readonly UnitMovement _movement;
    private readonly Construction _construction;
    private readonly Combat _combat;
    private readonly SensorCoverage _sensors;
    private readonly DestroyedUnitRows _destroyed;

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
        var ids = new UnitIdPool(setup.MaxUnits, setup.UnitIdRecycleDelayFrames, root.Fork("world.unitids"));
        var moveRandom = root.Fork("world.movement");
        var spawnRandom = root.Fork("world.spawn");
        var combatRandom = root.Fork("world.combat");
        _edgeRandom = root.Fork("world.edge");
        _unitsPerTeam = new int[Roster.Teams.Count];
        _defs = new UnitDefStats(UnitDefs);
        _view = new LocalView(Units);
        var local = setup.LocalPlayer;
        _view.Set(local.IsSpectator, local.FullView, Roster.LocalPlayer.TeamId,
            Roster.AllyTeamOf(Roster.LocalPlayer.TeamId));

        var startPoints = DrawStartPoints(root.Fork("world.startpoints"));
        var parts = new WorldParts(Units, () => Roster, UnitDefs, _defs, _unitsPerTeam, Terrain, Clock, Events,
            _view, setup.MapSizeX, setup.MapSizeZ);
        _picker = new UnitPicker(Units, _unitsPerTeam, _defs);
        _construction = new Construction(Units, _defs, Clock, Events, _view);
        _destroyed = new DestroyedUnitRows(setup.MaxUnits);
        _lifecycle = new UnitLifecycle(parts, ids, startPoints, _construction, _picker, spawnRandom, combatRandom,
            _destroyed);
        Commands = new CommandQueues(parts, _lifecycle);
        Selection = new PlayerSelection(this);
        _lifecycle.Removing = id =>
        {
            Commands.Forget(id);
            Selection.Forget(id);
        };
        _timeline = new UnitCountTimeline(Units, _lifecycle, setup.MaxUnits);
        _movement = new UnitMovement(Units, _defs, Terrain, Hazards, setup.MapSizeX, setup.MapSizeZ, moveRandom);
        _combat = new Combat(parts, _lifecycle, _construction, _picker, Hazards, setup.CombatIntensity, combatRandom);
        _sensors = new SensorCoverage(parts, Roster.AllyTeamCount, setup.LosUpdateInterval);

        if (setup.InitialUnits > 0)
        {
            SpawnAcrossTeams(setup.InitialUnits, complete: true);
        }

        _sensors.RefreshAll(raiseEvents: false);
        Features = new MapFeatures(FeatureDefCatalog.Create(UnitDefs), Roster, Terrain, setup,
            root.Fork("world.features"));
    }

    public GameSetup Setup { get; }

    /// <summary>Units' command queues, factory queues, states and self-destruct timers.</summary>
    public CommandQueues Commands { get; }

    /// <summary>The local player's selection and control groups.</summary>
    public PlayerSelection Selection { get; }

    public Roster Roster { get; private set; }

    public UnitDefCatalog UnitDefs { get; }

    public Terrain Terrain { get; }

    /// <summary>Trees, rocks, vents and wrecks (outside the state hash: nothing a seed replays depends on
    /// them).</summary>
    public MapFeatures Features { get; }

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

    public int LocalTeamId => _view.TeamId;

    public int LocalAllyTeamId => _view.AllyTeamId;

    public bool LocalIsSpectator => _view.IsSpectator;

    public bool LocalHasFullView => _view.HasFullView;

    public int UnitCount => Units.Count;

    /// <summary>Units wanted by the ramp (null: no ramp).</summary>
    public int? UnitCountTarget => _timeline.Target;

    public int MaxChangePerFrame => _timeline.MaxChangePerFrame;

    public double ChurnSpawnsPerFrame => _timeline.SpawnsPerFrame;

    public double ChurnDestroysPerFrame => _timeline.DestroysPerFrame;

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
        _lifecycle.Tick(frame);
        _timeline.Step();
        Commands.Step();
        _movement.Step();
        _construction.Step();
        _combat.Step();
        Economy.Step(frame, _unitsPerTeam);
        _sensors.Step(frame);
        return true;
    }

    public ulong StateHash() => WorldStateHash.Compute(this);

    /// <summary>
    /// Wrap the delivery of an event in this: for UnitDestroyed the unit is readable again until disposed,
    /// as Recoil calls UnitDestroyed before deleting the unit. Other events: nothing happens.
    /// </summary>
    public ReadableDuringCallIn KeepReadableDuring(in WorldEvent e) =>
        e.Kind == WorldEventKind.UnitDestroyed && _destroyed.Restore(Units, e.UnitId)
            ? new ReadableDuringCallIn(this, e.UnitId)
            : default;

    /// <summary>The unit whose UnitDestroyed call-in runs now (0: none); Recoil has marked it dead already.</summary>
    public int UnitInDestroyedCallIn { get; internal set; }

    private (float X, float Z)[] DrawStartPoints(SeededRandom random)
    {
        var points = new (float, float)[Roster.Teams.Count];
        for (var t = 0; t < points.Length; t++)
        {
            points[t] = ((float)random.NextDouble(0.1, 0.9) * Setup.MapSizeX,
                (float)random.NextDouble(0.1, 0.9) * Setup.MapSizeZ);
        }

        return points;
    }
}
