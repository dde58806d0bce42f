using System.Diagnostics;
using System.Security.Cryptography;
using BarHarness.Core.Randomness;
using BarHarness.Core.Time;
using BarHarness.Core.Transport;
using BarHarness.Engine.World;
using BarHarness.LuaHost.Runtime;
using BarHarness.LuaHost.Widgets;
using BarHarness.Reports.Model;
using BarHarness.Reports.Statistics;
using BarHarness.Scenarios.Definition;
using BarHarness.TestServer.Oracle;
using BarHarness.TestServer.Server;

namespace BarHarness.Scenarios.Running;

/// <summary>
/// One scenario, played out. The simulation owns time: a virtual clock advanced in 60 Hz draw ticks,
/// with sim frames (30 a game second, times the game speed) interleaved as BAR does; every random draw
/// comes from the scenario's seed. Real time is only measured, never used to decide anything.
/// </summary>
public sealed class ScenarioRun
{
    public const long DrawTickMicros = 16_667;
    private const long SimClockMicros = Core.Time.SimClock.MicrosPerSecond;
    private const double DrawTickSeconds = 1.0 / 60;

    private readonly LoadedScenario _scenario;
    private readonly RunOptions _options;
    private readonly IProgress<RunProgress>? _progress;

    public ScenarioRun(LoadedScenario scenario, RunOptions options, IProgress<RunProgress>? progress = null)
    {
        _scenario = scenario;
        _options = options;
        _progress = progress;
    }

    /// <summary>What the run observed, for expectations, reports and tests.</summary>
    public RunObservation? Observation { get; private set; }

    public ScenarioResult Execute()
    {
        var def = _scenario.Definition;
        var seed = _options.SeedOverride ?? def.Seed;
        var widgetPath = _options.LoadWidget ? ResolveWidget(def) : _options.BundledWidget;
        var wall = Stopwatch.StartNew();
        try
        {
            var observation = Simulate(def, seed, widgetPath);
            Observation = observation;
            var result = ResultBuilder.Build(_scenario, _options, seed, widgetPath, HashFile(widgetPath), observation, wall.Elapsed.TotalSeconds);
            return result;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ScenarioResult
            {
                Name = def.Name,
                File = _scenario.RelativePath,
                Seed = seed,
                WidgetPath = widgetPath,
                WidgetSha256 = File.Exists(widgetPath) ? HashFile(widgetPath) : string.Empty,
                DurationGameSeconds = def.DurationSeconds,
                WallSeconds = wall.Elapsed.TotalSeconds,
                Outcome = ScenarioOutcome.Error,
                Error = new RunError($"the harness failed while running this scenario: {e.GetType().Name}: {e.Message}", _scenario.RelativePath),
                ReproduceCommand = _options.DescribeReproduction(Reproduction.Of(_scenario, seed, _options)),
            };
        }
    }

    private string ResolveWidget(ScenarioDefinition def)
    {
        if (_options.WidgetOverride is { } overridden)
        {
            return Path.GetFullPath(overridden);
        }

        if (def.Widget.IsDefault)
        {
            return _options.BundledWidget;
        }

        var fromScenario = Path.Combine(Path.GetDirectoryName(def.SourceFile) ?? _options.RepoRoot, def.Widget.Path);
        return File.Exists(fromScenario) ? Path.GetFullPath(fromScenario) : Path.GetFullPath(Path.Combine(_options.RepoRoot, def.Widget.Path));
    }

    private RunObservation Simulate(ScenarioDefinition def, ulong seed, string widgetPath)
    {
        var random = new SeededRandom(seed);
        var clock = new SimClock();
        var world = new SyntheticWorld(WorldSetupFactory.Create(def, seed));
        using var runtime = new LuaRuntime(new LuaRuntimeOptions
        {
            RandomSeed = seed,
            Float32Numbers = _options.Float32Numbers,
            CountInstructions = !_options.Uninstrumented,
        });
        var engine = EngineBinding.Install(runtime, world, clock, def, widgetPath, realTimer: _options.Uninstrumented);
        using var transport = NetworkBinding.CreateTransport(def.Network, _options.NetworkOverride, clock);
        var sockets = NetworkBinding.InstallSocket(runtime, transport, clock, () => world.Frame);
        var truth = new WorldTruthRecorder(world);
        var oracle = new StreamOracle(new OracleOptions(), truth);
        using var server = new TestServer.Server.TestServer(
            transport,
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
            server.Start();
        }

        runtime.Console.Mirror = _options.ConsoleMirror;
        var host = new WidgetHost(runtime);
        var profiler = _options.ProfileFunctions && !_options.Uninstrumented ? new FunctionProfiler(runtime) : null;
        var timeline = new UnitTimelineDriver(def.Units, def.World.EdgeData, world, random.Fork("timeline"), def.World.TeamCount);
        var events = new GameEventDriver(def.Events);
        EngineCallInDriver? callIns = null;
        PlayerActionDriver? player = null;
        var observation = new RunObservation(def.DurationSeconds, new FrameStatistics(
            def.Expectations.Budget.BudgetMs * 1000, def.Expectations.Budget.AfterSeconds))
        {
            Uninstrumented = _options.Uninstrumented,
        };
        var accumulator = new FrameAccumulator();
        var reconnects = new ReconnectTracker();
        var accepts = new ServerAcceptLog();
        var coster = new DeterministicCost();
        var heapEvery = Math.Max(30, (int)(_options.HeapSampleIntervalSeconds * ScenarioDefinition.FramesPerSecond));
        string? widgetName = null;
        var loadFrame = events.LoadFrame;
        var durationFrames = def.DurationFrames;
        var gameOverAt = -1;
        double frameDebt = 0;
        var lastFrameFlushed = 0;
        var steadyCensusTaken = false;
        var wall = Stopwatch.StartNew();

        timeline.Start();
        world.Clock.StartGame();

        void LoadWidget()
        {
            var config = def.Widget.Config is null ? null : ConfigConversion.ToPlain(def.Widget.Config);
            var result = host.Load(widgetPath, "LuaUI/Widgets/" + Path.GetFileName(widgetPath), widgetName is null ? config : null);
            observation.LoadResults.Add(result);
            if (result.IsLoaded)
            {
                observation.WidgetLoadedAtSeconds ??= world.Clock.GameSeconds;
                widgetName = result.Name;
                callIns!.WidgetLoaded();
            }
        }

        void Flush()
        {
            if (world.Frame == 0 || world.Frame == lastFrameFlushed)
            {
                return;
            }

            lastFrameFlushed = world.Frame;
            var cost = _options.Uninstrumented ? 0 : coster.Price(accumulator.Instructions, accumulator.EngineCalls, accumulator.AllocBytes, accumulator.AllocCount);
            observation.AddFrame(new FrameSample(
                world.Frame,
                world.Clock.GameSeconds,
                world.UnitCount,
                accumulator.Ticks * 1_000_000.0 / Stopwatch.Frequency,
                cost,
                accumulator.Instructions,
                accumulator.EngineCalls,
                accumulator.EngineTicks * 1_000_000.0 / Stopwatch.Frequency,
                accumulator.AllocBytes,
                accumulator.AllocCount,
                sockets.BytesQueuedToSend(),
                oracle.Stats.LastFrame is int newest ? (world.Frame - newest) / 30.0 : double.NaN,
                FaultFlags(server, observation))
            {
                CpuMicros = accumulator.WidgetCpuNanos / 1000.0,
                InstrumentationMicros = accumulator.InstrumentationNanos / 1000.0,
                SocketMicros = accumulator.SocketTicks * 1_000_000.0 / Stopwatch.Frequency,
            },
                accumulator.CostliestCallIn,
                profiler?.TakeFrameTop());
            accumulator.ResetFrame();
        }

        void Measure(string callIn, CallInSample sample)
        {
            observation.NoteCallIn(callIn, sample);
            accumulator.Add(callIn, sample, s => _options.Uninstrumented ? 0 : coster.Price(s.Instructions, s.EngineCalls, s.AllocBytes, s.AllocCount));
        }

        // The world queues only what Recoil delivers to the local LuaUI (allied or readable units, LOS
        // and radar events of the local ally team); WorldEventCallIn gives BAR's name and argument list.
        void Forward(in WorldEvent e)
        {
            using var readable = world.KeepReadableDuring(e);
            var (name, args) = WorldEventCallIn.From(e);
            Measure(name, host.CallIn(name, args));
        }

        void ApplyEvent(GameEvent e)
        {
            switch (e)
            {
                case SpeedChange s:
                    GameEventDriver.ApplySpeed(world, s);
                    break;
                case Pause:
                    world.Clock.SetPaused(true, world.LocalPlayerId);
                    Measure("GamePaused", host.CallIn("GamePaused", world.LocalPlayerId, true));
                    break;
                case Unpause:
                    world.Clock.SetPaused(false, world.LocalPlayerId);
                    Measure("GamePaused", host.CallIn("GamePaused", world.LocalPlayerId, false));
                    break;
                case WidgetReload when widgetName is not null:
                    Measure("Shutdown", host.Unload(widgetName, "reload"));
                    LoadWidget();
                    break;
                case WidgetEnable when widgetName is null && world.Frame > 0:
                    LoadWidget();
                    break;
                case GameOver:
                    world.EndGame();
                    gameOverAt = world.Frame;
                    Measure("GameOver", host.CallIn("GameOver"));
                    break;
                case SpectatorSwitch sw:
                    world.SetLocalView(true, sw.FullView, world.LocalTeamId);
                    Measure("PlayerChanged", host.CallIn("PlayerChanged", world.LocalPlayerId));
                    break;
                case Definition.TextCommand cmd:
                    Measure("TextCommand", host.TextCommand(cmd.Command));
                    break;
                default:
                    player!.Apply(e);
                    break;
            }
        }

        callIns = new EngineCallInDriver(world, engine, host, Measure);
        player = new PlayerActionDriver(world, engine, host, Measure);
        if (loadFrame == 0 && _options.LoadWidget)
        {
            LoadWidget();
        }

        // A paused game never reaches its next frame, so while paused the scenario's events (the unpause
        // among them) come due on virtual wall time instead. The cap ends a run that can make no progress
        // (paused forever): the slowest speed needs ten times the game time.
        double pausedFrames = 0;
        var wallCapMicros = (long)((def.DurationSeconds * 12 + 60) * SimClockMicros);
        while (world.Frame < durationFrames && clock.NowMicros < wallCapMicros)
        {
            clock.AdvanceBy(DrawTickMicros);
            if (!world.Clock.Paused && gameOverAt < 0)
            {
                pausedFrames = 0;
                frameDebt += world.Clock.WantedSpeed * ScenarioDefinition.FramesPerSecond * DrawTickSeconds;
            }
            else if (world.Clock.Paused)
            {
                pausedFrames += ScenarioDefinition.FramesPerSecond * DrawTickSeconds;
                foreach (var e in events.Due(world.Frame + (int)pausedFrames))
                {
                    ApplyEvent(e);
                }
            }

            while (frameDebt >= 1 && world.Frame < durationFrames)
            {
                frameDebt -= 1;
                Flush();
                var next = world.Frame + 1;
                foreach (var e in events.Due(next))
                {
                    ApplyEvent(e);
                }

                timeline.Apply(next);
                callIns.BeforeFrame(next);
                world.StepFrame();
                truth.Record();
                runtime.Console.CurrentFrame = world.Frame;
                host.CurrentFrame = world.Frame;
                while (world.Events.TryDequeue(out var e))
                {
                    Forward(e);
                }

                if (widgetName is null && loadFrame > 0 && world.Frame >= loadFrame && _options.LoadWidget)
                {
                    LoadWidget();
                }

                Measure("GameFrame", host.CallIn("GameFrame", world.Frame));
                transport.Pump();
                server.Step(world.Frame);
                var counters = server.Counters;
                reconnects.Observe(world.Clock.GameSeconds, counters.ConnectionsAccepted, counters.OpenConnections, server.IsListening && !server.ActiveFaults.Contains("down"));
                accepts.Observe(world.Clock.GameSeconds, counters.ConnectionsAccepted);
                observation.ObserveFaults(world.Clock.GameSeconds, server.ActiveFaults);
                if (world.Frame % heapEvery == 0)
                {
                    observation.Heap.Add(new HeapSample(world.Clock.GameSeconds, runtime.CollectAndMeasureHeap()));
                    if (!steadyCensusTaken && widgetName is not null
                        && world.Clock.GameSeconds >= SteadyState.StartSeconds(def, observation.WidgetLoadedAtSeconds))
                    {
                        steadyCensusTaken = true;
                        observation.RetainedAtSteadyStart = host.RetainedCensus();
                    }
                }

                if (world.Frame % 300 == 0)
                {
                    _progress?.Report(new RunProgress(def.Name, world.Clock.GameSeconds, def.DurationSeconds, world.UnitCount, world.Frame / Math.Max(1e-9, wall.Elapsed.TotalSeconds)));
                }
            }

            if (gameOverAt >= 0 && clock.NowMicros > (long)(world.Frame / 30.0 * 1e6) + 2_000_000)
            {
                break; // two seconds of drawing after game over, then the run is done
            }

            engine.LastUpdateSeconds = DrawTickSeconds;
            callIns.BeginDrawFrame();
            Measure("Update", host.CallIn("Update", DrawTickSeconds));
            callIns.DrawWorld();
            Measure("DrawScreen", host.CallIn("DrawScreen"));
            callIns.AfterDrawScreen();
            transport.Pump();
            server.Step(world.Frame);
        }

        Flush();
        if (widgetName is not null && host.LoadedWidgets.Count > 0)
        {
            observation.RetainedAtEnd = host.RetainedCensus();
        }

        _options.BeforeShutdown?.Invoke(host);

        observation.LoadedAtEnd = host.LoadedWidgets.Count > 0;
        observation.ActionsBeforeShutdown = host.Actions.ToList();
        Measure("Shutdown", host.ShutdownAll());
        transport.Pump();
        server.Step(world.Frame);
        if (sockets.Accounting() is { } accounting)
        {
            server.CheckAccounting(accounting);
            observation.Accounting = accounting;
        }

        observation.Heap.Add(new HeapSample(world.Clock.GameSeconds, runtime.CollectAndMeasureHeap()));
        observation.OpenSocketsAfterShutdown = sockets.OpenSocketDescriptions();
        observation.ActionsAfterShutdown = host.Actions.ToList();
        observation.Finish(host, runtime, server, oracle, sockets, reconnects, accumulator, profiler, engine, world);
        accepts.Observe(world.Clock.GameSeconds, server.Counters.ConnectionsAccepted);
        observation.NetworkTimeline = NetworkTimelineBuilder.Build(sockets.Timeline, accepts, observation.FaultWindows, world.Clock.GameSeconds);
        return observation;
    }

    private static long FaultFlags(TestServer.Server.TestServer server, RunObservation observation)
    {
        long flags = 0;
        foreach (var name in server.ActiveFaults)
        {
            var bit = observation.FaultBit(name);
            if (bit < 63)
            {
                flags |= 1L << bit;
            }
        }

        return flags;
    }

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }
}
