using BarHarness.Core.Randomness;
using BarHarness.Core.Transport;
using BarHarness.Scenarios.Probes;
using BarHarness.TestServer.Server;
using Server = BarHarness.TestServer.Server.TestServer;

namespace BarHarness.Scenarios.Running;

/// <summary>
/// One scenario, played out turmoil-style: the simulation owns time. <see cref="Step"/> advances the
/// virtual clock by one 60 Hz draw tick, runs the sim frames that tick owes (30 a game second, times
/// the game speed, as BAR interleaves them), handles pause and game over, and tells the probes what
/// happened. Every random draw comes from the scenario's seed; real time is only measured.
/// </summary>
public sealed partial class Simulation : IDisposable
{
    public const long DrawTickMicros = 16_667;
    private const double DrawTickSeconds = 1.0 / 60;
    private const double FramesPerDrawTick = ScenarioDefinition.FramesPerSecond * DrawTickSeconds;

    private readonly ScenarioDefinition _def;
    private readonly RunOptions _options;
    private readonly string _widgetPath;
    private readonly SimClock _clock = new();
    private readonly SyntheticWorld _world;
    private readonly LuaRuntime _runtime;
    private readonly EngineApiContext _engine;
    private readonly ITransport _transport;
    private readonly WorldTruthRecorder _truth;
    private readonly Server _server;
    private readonly WidgetHost _host;
    private readonly UnitTimelineDriver _timeline;
    private readonly GameEventDriver _events;
    private readonly EngineCallInDriver _callIns;
    private readonly PlayerActionDriver _player;
    private readonly long _wallCapMicros;
    private string? _widgetName;
    private int _gameOverAt = -1;
    private double _frameDebt;
    private double _pausedFrames;
    private int _progressFrame;

    public Simulation(ScenarioDefinition def, RunOptions options, ulong seed, string widgetPath)
    {
        _def = def;
        _options = options;
        _widgetPath = widgetPath;
        var random = new SeededRandom(seed);
        _world = new SyntheticWorld(WorldSetupFactory.Create(def, seed));
        _runtime = new LuaRuntime(new LuaRuntimeOptions
        {
            RandomSeed = seed,
            Float32Numbers = options.Float32Numbers,
            CountInstructions = !options.Uninstrumented,
            CollectBetweenCallIns = true,
        });
        _engine = EngineBinding.Install(_runtime, _world, _clock, def, widgetPath, options);
        _transport = NetworkBinding.CreateTransport(def.Network, options.NetworkOverride, _clock);
        var sockets = NetworkBinding.InstallSocket(_runtime, _transport, _clock, () => _world.Frame);
        _truth = new WorldTruthRecorder(_world);
        var oracle = new StreamOracle(OracleOptionsFor(def.Expectations.Oracle), _truth);
        _server = new Server(
            _transport,
            random.Fork("server"),
            new TestServerOptions
            {
                Endpoint = NetEndpoint.Loopback(def.Network.Port),
                Framing = NetworkBinding.ServerFraming(def.Network.Framing),
                RecordChunks = false, // the hashes are incremental; keeping every chunk grew with game time
            },
            FaultScheduleBuilder.Build(def.Faults),
            oracle);
        if (def.Network.ServerUpAtStart)
        {
            _server.Start();
        }

        _runtime.Console.Mirror = options.ConsoleMirror;
        _host = new WidgetHost(_runtime);
        Probes = CreateProbes(sockets, oracle);
        _timeline = new UnitTimelineDriver(def.Units, def.World.EdgeData, _world, random.Fork("timeline"));
        _events = new GameEventDriver(def.Events);
        _callIns = new EngineCallInDriver(_world, _engine, _host, Measure);
        _player = new PlayerActionDriver(_world, _engine, _host, Measure);

        // A paused game never reaches its next frame, so the cap ends a run that can make no progress
        // (paused forever): the slowest speed needs ten times the game time.
        _wallCapMicros = (long)((def.DurationSeconds * 12 + 60) * SimClock.MicrosPerSecond);
        IsOver = def.DurationFrames <= 0;
        _timeline.Start();
        _world.Clock.StartGame();
        if (_events.LoadFrame == 0 && options.LoadWidget)
        {
            LoadWidget();
        }
    }

    /// <summary>What observes this run; each owns one section of the report.</summary>
    public ProbeSet Probes { get; }

    /// <summary>Every sim frame planned has run, the game ended two draw seconds ago, or time ran out.</summary>
    public bool IsOver { get; private set; }

    /// <summary>The widget CPU time behind each Spring.GetTimer reading of a <c>timer: cpu</c> run.</summary>
    public TimerReadings TimerReadings => _engine.TimerReadings;

    /// <summary>What the widget's Spring.GetTimer reads in this run.</summary>
    public TimerMode TimerMode => _engine.Options.TimerMode;

    /// <summary>A hash of the world's state, to check that a seed reproduces a run.</summary>
    public ulong WorldStateHash => _world.StateHash();

    private SimulationMoment Now => new(_world.Frame, _world.Clock.GameSeconds, _world.UnitCount);

    /// <summary>
    /// One draw tick: the sim frames it owes (each closed for the budget, then events, the world's step,
    /// the widget's GameFrame and the server), then Update and the draw call-ins, then the server again.
    /// </summary>
    public void Step()
    {
        if (IsOver)
        {
            return;
        }

        _clock.AdvanceBy(DrawTickMicros);
        if (!_world.Clock.Paused && _gameOverAt < 0)
        {
            _pausedFrames = 0;
            _frameDebt += _world.Clock.WantedSpeed * FramesPerDrawTick;
        }
        else if (_world.Clock.Paused)
        {
            // While paused, the scenario's events (the unpause among them) come due on virtual wall time.
            _pausedFrames += FramesPerDrawTick;
            foreach (var e in _events.Due(_world.Frame + (int)_pausedFrames))
            {
                ApplyEvent(e);
            }
        }

        while (_frameDebt >= 1 && _world.Frame < _def.DurationFrames)
        {
            _frameDebt -= 1;
            SimFrame();
        }

        if (_gameOverAt >= 0 && _clock.NowMicros > (long)(_world.Frame / 30.0 * 1e6) + 2_000_000)
        {
            IsOver = true; // two seconds of drawing after game over, then the run is done
            return;
        }

        DrawFrame();
        IsOver = _world.Frame >= _def.DurationFrames || _clock.NowMicros >= _wallCapMicros;
    }

    /// <summary>
    /// Closes the last frame, shuts every widget down, lets the server read the rest, ends the probes.
    /// </summary>
    public void Finish()
    {
        Probes.Budget.CloseFrame(Now);
        Probes.Memory.TakeEndCensus();
        _options.BeforeShutdown?.Invoke(_host);
        Probes.Lifecycle.BeforeShutdown();
        Measure("Shutdown", _host.ShutdownAll());
        _transport.Pump();
        _server.Step(_world.Frame);
        Probes.OnEnd(Now);
    }

    public void Dispose()
    {
        _server.Dispose();
        _transport.Dispose();
        _runtime.Dispose();
    }

    private void SimFrame()
    {
        Probes.Budget.CloseFrame(Now);
        var next = _world.Frame + 1;
        foreach (var e in _events.Due(next))
        {
            ApplyEvent(e);
        }

        _timeline.Apply(next);
        _callIns.BeforeFrame(next);
        _world.StepFrame();
        _truth.Record();
        _runtime.Console.CurrentFrame = _world.Frame;
        _host.CurrentFrame = _world.Frame;
        while (_world.Events.TryDequeue(out var e))
        {
            Forward(e);
        }

        if (_widgetName is null && _events.LoadFrame > 0 && _world.Frame >= _events.LoadFrame && _options.LoadWidget)
        {
            LoadWidget();
        }

        Measure("GameFrame", _host.CallIn("GameFrame", _world.Frame));
        _transport.Pump();
        _server.Step(_world.Frame);
        Probes.OnFrame(Now);
    }

    private void DrawFrame()
    {
        _engine.LastUpdateSeconds = DrawTickSeconds;
        _callIns.BeginDrawFrame();
        Measure("Update", _host.CallIn("Update", DrawTickSeconds));
        _callIns.DrawWorld();
        Measure("DrawScreen", _host.CallIn("DrawScreen"));
        _callIns.AfterDrawScreen();
        Probes.Budget.OnCollectorStep(_runtime.StepCollector()); // Recoil's pass, once per update
        _transport.Pump();
        _server.Step(_world.Frame);
    }

    private void Measure(string callIn, CallInSample sample) => Probes.OnCallIn(callIn, sample);

    private ProbeSet CreateProbes(SocketObservations sockets, StreamOracle oracle)
    {
        var console = new ConsoleProbe(_runtime.Console);
        var lifecycle = new LifecycleProbe(_host, _engine, sockets, console, _def.Expectations.ExpectWidgetRemoved);
        var network = new NetworkProbe(
            _server, oracle, sockets, StreamExpected(), _def.Network.ServerUpAtStart);
        var instrumented = !_options.Uninstrumented;
        var profiler = _options.ProfileFunctions && instrumented ? new FunctionProfiler(_runtime) : null;
        var budget = new BudgetProbe(
            _def.Expectations.Budget,
            instrumented ? CostModel.Reference : null,
            profiler,
            _runtime,
            network,
            WidgetTimer.Of(_engine));
        var memory = new MemoryProbe(
            _def,
            _options.HeapSampleIntervalSeconds,
            _runtime,
            _host,
            lifecycle,
            budget,
            _world.VisibleUnitCountForLocalPlayer);
        return new ProbeSet(lifecycle, budget, memory, network, console);
    }

    // Where the scenario's freshness bound applies (every sample is kept either way).
    private static OracleOptions OracleOptionsFor(OracleExpectation expected) => new()
    {
        FreshnessJudgedFromFrame =
            (int)Math.Ceiling(expected.FreshnessAfterSeconds * ScenarioDefinition.FramesPerSecond),
        FreshnessJudgedUpToVisibleUnits = expected.FreshnessMaxUnits ?? int.MaxValue,
    };

    // A widget that never makes a socket is not a streaming widget: the stream checks are not applied
    // to it. The bundled widget streams by design, so they always apply to it; so they do when the
    // scenario names its own widget and writes an oracle section (it asks that widget for a stream). A
    // standard scenario's oracle section, run with --widget, was written for the bundled widget.
    private bool StreamExpected()
    {
        var bundled = string.Equals(
            Path.GetFullPath(_widgetPath), Path.GetFullPath(_options.BundledWidget), StringComparison.Ordinal);
        return bundled || (_def.Expectations.Oracle.Written && _options.WidgetOverride is null);
    }
}
