using BarHarness.Engine.SpringApi;
using BarHarness.Engine.World;
using BarHarness.LuaHost.Measurement;
using BarHarness.LuaHost.Runtime;
using BarHarness.LuaHost.Widgets;
using BarHarness.Network.LuaSocket;
using BarHarness.Reports.Analysis;
using BarHarness.Reports.Model;
using BarHarness.Reports.Statistics;
using BarHarness.TestServer.Oracle;

namespace BarHarness.Scenarios.Running;

/// <summary>
/// Everything one run saw, gathered for expectations and reports. Data only: no verdicts here. Per-frame
/// and per-call figures are summarised as they arrive (<see cref="FrameStatistics"/>,
/// <see cref="StreamingSummary"/>), so what is held does not grow with game time.
/// </summary>
public sealed class RunObservation
{
    private const int SlowFramesKept = 12;
    private readonly HashSet<string> _definedCallIns = new(StringComparer.Ordinal);
    private readonly List<string> _faultNames = new();
    private readonly Dictionary<string, double> _faultOpen = new(StringComparer.Ordinal);
    private readonly List<FaultWindow> _faultWindows = new();
    private readonly List<SlowFrame> _slow = new();

    internal RunObservation(double durationSeconds, FrameStatistics? frameStatistics = null)
    {
        DurationSeconds = durationSeconds;
        FrameStatistics = frameStatistics ?? new FrameStatistics();
    }

    /// <summary>Every frame's figures, summarised as the run went (the budget report and verdicts read them).</summary>
    public FrameStatistics FrameStatistics { get; }

    public double DurationSeconds { get; }

    /// <summary>Measured without the instruction hook (RunOptions.Uninstrumented): costs are 0, budgets use real time.</summary>
    public bool Uninstrumented { get; init; }

    public List<WidgetLoadResult> LoadResults { get; } = new();

    public List<HeapSample> Heap { get; } = new();

    /// <summary>Game time at which the widget first loaded; null if it never did.</summary>
    public double? WidgetLoadedAtSeconds { get; internal set; }

    /// <summary>The retained-object census when the steady state began (empty if the run ended first).</summary>
    public IReadOnlyList<RetainedRoot> RetainedAtSteadyStart { get; internal set; } = [];

    /// <summary>The retained-object census after the last frame, before Shutdown.</summary>
    public IReadOnlyList<RetainedRoot> RetainedAtEnd { get; internal set; } = [];

    /// <summary>The bounded chart series (see <see cref="FrameSeriesBuilder"/>), set when the run ends.</summary>
    public FrameSeries Frames { get; private set; } = FrameSeries.Empty;

    public IReadOnlyList<FaultWindow> FaultWindows => _faultWindows;

    public IReadOnlyList<SlowFrame> SlowFrames => _slow;

    public IReadOnlyList<WidgetEvent> WidgetEvents { get; private set; } = [];

    public IReadOnlyList<ConsoleLine> ConsoleLines { get; private set; } = [];

    public long ConsoleLineCount { get; private set; }

    /// <summary>The first blocking calls, with tracebacks (bounded); <see cref="BlockingCallCount"/> is all.</summary>
    public IReadOnlyList<BlockingCall> BlockingCalls { get; private set; } = [];

    public long BlockingCallCount { get; private set; }

    public IReadOnlyList<StreamViolation> Violations { get; private set; } = [];

    public OracleStats? OracleStats { get; private set; }

    public string StreamHash { get; private set; } = string.Empty;

    /// <summary>Hash of the received bytes together with their virtual arrival times.</summary>
    public string TimedStreamHash { get; private set; } = string.Empty;

    public long BytesHandedToSend { get; private set; }

    /// <summary>The widget side of the end-of-run byte accounting the server checked; null when not checked (real network).</summary>
    public AccountingInput? Accounting { get; internal set; }

    public long BytesReceivedByServer { get; private set; }

    public int Reconnects { get; private set; }

    public double MaxReconnectDelaySeconds { get; private set; }

    public double? ReconnectUnresolvedSince { get; private set; }

    public long ConnectionsAccepted { get; private set; }

    public bool LoadedAtEnd { get; internal set; }

    public IReadOnlyList<string> ActionsBeforeShutdown { get; internal set; } = [];

    public IReadOnlyList<string> ActionsAfterShutdown { get; internal set; } = [];

    public IReadOnlyList<string> OpenSocketsAfterShutdown { get; internal set; } = [];

    public IReadOnlyList<FunctionProfileEntry> Profile { get; private set; } = [];

    public IReadOnlyList<CallInSummary> CallIns { get; private set; } = [];

    public IReadOnlyDictionary<string, int> UnimplementedCalls { get; private set; } = new Dictionary<string, int>();

    public ulong WorldStateHash { get; private set; }

    /// <summary>What the count hook and the allocation counter add to CPU time (subtracted from it).</summary>
    public InstrumentationOverhead Instrumentation { get; private set; } = InstrumentationOverhead.None;

    /// <summary>
    /// Call-ins that reached a widget function at least once (the widget defines them). Handler work
    /// (shutdown, config collection, text commands) and call-ins no widget defines are not in it.
    /// </summary>
    public IReadOnlySet<string> CallInsDefinedByWidget => _definedCallIns;

    /// <summary>Real microseconds spent in handler work and in call-ins no widget defines, summed.</summary>
    public double HandlerOnlyMicros { get; private set; }

    /// <summary>The network from both ends, in order (set when the run ends).</summary>
    public NetworkTimeline NetworkTimeline { get; internal set; } = NetworkTimeline.None;

    internal int FaultBit(string name)
    {
        var i = _faultNames.IndexOf(name);
        if (i < 0)
        {
            _faultNames.Add(name);
            i = _faultNames.Count - 1;
        }

        return i;
    }

    internal void AddFrame(in FrameSample sample, string costliestCallIn, IReadOnlyList<string>? topFunctions)
    {
        FrameStatistics.Add(sample);
        // Ranked by the widget's CPU time, what the budget verdicts judge (and what an uninstrumented run,
        // which prices nothing, still measures); earlier frames win ties.
        if (_slow.Count < SlowFramesKept || sample.CpuMicros > _slow[^1].CpuMicros)
        {
            _slow.Add(new SlowFrame(sample.Frame, sample.GameSeconds, sample.WidgetMicros, sample.Cost, costliestCallIn, topFunctions ?? [])
            {
                CpuMicros = sample.CpuMicros,
            });
            _slow.Sort((a, b) => b.CpuMicros != a.CpuMicros ? b.CpuMicros.CompareTo(a.CpuMicros) : a.Frame.CompareTo(b.Frame));
            if (_slow.Count > SlowFramesKept)
            {
                _slow.RemoveAt(_slow.Count - 1);
            }
        }
    }

    internal void NoteCallIn(string callIn, in CallInSample sample)
    {
        if (sample.WidgetsCalled > 0)
        {
            _definedCallIns.Add(callIn);
        }
        else
        {
            HandlerOnlyMicros += sample.ElapsedMicroseconds;
        }
    }

    internal void ObserveFaults(double gameSeconds, IReadOnlyList<string> active)
    {
        foreach (var name in active)
        {
            FaultBit(name);
            _faultOpen.TryAdd(name, gameSeconds);
        }

        foreach (var open in _faultOpen.Where(kv => !active.Contains(kv.Key)).ToList())
        {
            _faultWindows.Add(new FaultWindow(open.Key, open.Value, gameSeconds));
            _faultOpen.Remove(open.Key);
        }
    }

    internal void Finish(
        WidgetHost host,
        LuaRuntime runtime,
        TestServer.Server.TestServer server,
        StreamOracle oracle,
        SocketObservations sockets,
        ReconnectTracker reconnects,
        FrameAccumulator accumulator,
        FunctionProfiler? profiler,
        EngineApiContext engine,
        SyntheticWorld world)
    {
        var end = world.Clock.GameSeconds;
        foreach (var open in _faultOpen)
        {
            _faultWindows.Add(new FaultWindow(open.Key, open.Value, end));
        }

        _faultOpen.Clear();
        Frames = FrameStatistics.Chart.Build() with { FaultNames = _faultNames.ToList() };
        WidgetEvents = host.Events.ToList();
        ConsoleLines = runtime.Console.Lines.ToList();
        ConsoleLineCount = runtime.Console.TotalLines;
        BlockingCalls = sockets.Statistics.BlockingCalls.ToList();
        BlockingCallCount = sockets.Statistics.BlockingCallCount;
        BytesHandedToSend = sockets.Statistics.BytesSent;
        Violations = oracle.Violations.ToList();
        OracleStats = oracle.Stats;
        StreamHash = server.Recording.StreamHash;
        TimedStreamHash = server.Recording.TimedStreamHash;
        BytesReceivedByServer = server.Counters.BytesRead;
        ConnectionsAccepted = server.Counters.ConnectionsAccepted;
        Reconnects = reconnects.Reconnects;
        MaxReconnectDelaySeconds = reconnects.MaxDelaySeconds;
        ReconnectUnresolvedSince = reconnects.UnresolvedSince;
        Profile = profiler?.Entries() ?? [];
        CallIns = accumulator.ByCallIn.Values.OrderBy(c => c.CallIn, StringComparer.Ordinal).ToList();
        UnimplementedCalls = new Dictionary<string, int>(engine.UnimplementedCalls);
        WorldStateHash = world.StateHash();
        Instrumentation = runtime.Instrumentation;
    }
}
