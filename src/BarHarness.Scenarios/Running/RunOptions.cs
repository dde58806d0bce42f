namespace BarHarness.Scenarios.Running;

/// <summary>What the command line may override in every scenario of a run.</summary>
public sealed record RunOptions
{
    /// <summary>Repository root: the bundled widget and relative widget paths resolve from here.</summary>
    public required string RepoRoot { get; init; }

    /// <summary>Run this widget instead of each scenario's (--widget).</summary>
    public string? WidgetOverride { get; init; }

    /// <summary>Replace each scenario's seed (--seed).</summary>
    public ulong? SeedOverride { get; init; }

    /// <summary>Force simulated or real sockets (--net).</summary>
    public NetworkMode? NetworkOverride { get; init; }

    /// <summary>Sample which widget functions use the instructions (small cost; on by default).</summary>
    public bool ProfileFunctions { get; init; } = true;

    /// <summary>Game seconds between full collections that sample the heap for the leak report.</summary>
    public double HeapSampleIntervalSeconds { get; init; } = 2;

    /// <summary>
    /// Measure real time only (--uninstrumented): the Lua VM runs without its instruction count hook,
    /// Spring.GetTimer reads the real clock, budgets are judged by real time, and there is no
    /// deterministic cost, instruction watchdog or function profile. For faithful real-time figures
    /// on a quiet machine, not for CI gates.
    /// </summary>
    public bool Uninstrumented { get; init; }

    /// <summary>
    /// Replay a scenario that failed only budget expectations, and judge the replay (see
    /// <see cref="BudgetReplay"/>): another process can disturb one frame's CPU time, never twice the same
    /// frame, while the widget's own heavy frame comes back in the replay.
    /// </summary>
    public bool ReplayBudgetFailures { get; init; } = true;

    /// <summary>
    /// Readings to give the widget's Spring.GetTimer in a <c>timer: cpu</c> run, in order (--timer-trace, or the
    /// first run's in a budget replay): the widget then takes the first run's decisions again. Null: fresh ones.
    /// </summary>
    public IReadOnlyList<long>? ReplayedTimerReadings { get; init; }

    /// <summary>
    /// The trace file <see cref="ReplayedTimerReadings"/> came from, named in reproduce lines; null when none.
    /// </summary>
    public string? TimerTraceFile { get; init; }

    /// <summary>
    /// Where each <c>timer: cpu</c> scenario's readings are written (<see cref="TimerTraceFile"/> format,
    /// <c>name.timer.gz</c>) for its reproduce line to replay; null writes none.
    /// </summary>
    public string? TimerTraceFolder { get; init; }

    /// <summary>Round engine numbers to float32 like BAR's LUA_NUMBER.</summary>
    public bool Float32Numbers { get; init; }

    /// <summary>
    /// Words that reproduce a result (the command line is the caller's to format); the default names the
    /// scenario file, seed and widget.
    /// </summary>
    public Func<Reproduction, string> DescribeReproduction { get; init; } = r => r.Describe();

    /// <summary>
    /// Load the scenario's widget (false: the world runs with no widget, for callers that bring their own Lua).
    /// </summary>
    public bool LoadWidget { get; init; } = true;

    /// <summary>Called once after the last frame, before every widget shuts down.</summary>
    public Action<WidgetHost>? BeforeShutdown { get; init; }

    /// <summary>Echo the widget's console lines to this writer as they are written.</summary>
    public TextWriter? ConsoleMirror { get; init; }

    public string BundledWidget => Path.Combine(RepoRoot, "widget", "export_livedata.lua");
}
