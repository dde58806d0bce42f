namespace BarHarness.Reports.Model;

/// <summary>The outcome and measurements of one scenario run.</summary>
public sealed record ScenarioResult
{
    /// <summary>Scenario name (unique within a run; merge and baseline match on it).</summary>
    public required string Name { get; init; }

    /// <summary>Scenario file path as given on the command line (relative to the repo when possible).</summary>
    public required string File { get; init; }

    public required ulong Seed { get; init; }

    public required string WidgetPath { get; init; }

    /// <summary>Lower-case hex SHA-256 of the widget file that ran.</summary>
    public required string WidgetSha256 { get; init; }

    /// <summary>Game seconds simulated (less than planned if the run stopped early).</summary>
    public required double DurationGameSeconds { get; init; }

    /// <summary>Real seconds the scenario took: a measurement only.</summary>
    public double? WallSeconds { get; init; }

    public required ScenarioOutcome Outcome { get; init; }

    /// <summary>Set when <see cref="Outcome"/> is <see cref="ScenarioOutcome.Error"/>.</summary>
    public RunError? Error { get; init; }

    /// <summary>The exact command line that reproduces this run (scenario, seed, widget hash).</summary>
    public required string ReproduceCommand { get; init; }

    public IReadOnlyList<ExpectationResult> Expectations { get; init; } = [];

    /// <summary>
    /// When a first run failed only budget expectations, the run was replayed (same scenario, same seed,
    /// the same work frame for frame) and this result is the replay's: these are the first run's failed
    /// expectations. Empty when there was no replay.
    /// </summary>
    public IReadOnlyList<ExpectationResult> FirstRunBudgetFailures { get; init; } = [];

    public BudgetReport Budget { get; init; } = BudgetReport.Empty;

    public LeakReport Leak { get; init; } = LeakReport.Empty;

    public NetworkSummary Network { get; init; } = NetworkSummary.None;

    public ConsoleSummary Console { get; init; } = ConsoleSummary.None;

    /// <summary>The widget's whole console output, bounded, with counts.</summary>
    public ConsoleTranscript ConsoleTranscript { get; init; } = ConsoleTranscript.None;

    /// <summary>Connects, accepts, first bytes, closes and faults in order, with the story of the stream.</summary>
    public NetworkTimeline NetworkTimeline { get; init; } = NetworkTimeline.None;

    /// <summary>Per-frame columns (charted in HTML; left out of summary.json).</summary>
    public FrameSeries Frames { get; init; } = FrameSeries.Empty;

    /// <summary>When each scheduled fault was active, in start order.</summary>
    public IReadOnlyList<FaultWindow> FaultWindows { get; init; } = [];

    /// <summary>The slowest frames, slowest first.</summary>
    public IReadOnlyList<SlowFrame> SlowestFrames { get; init; } = [];

    /// <summary>Per-function profile of the widget's own Lua, heaviest first.</summary>
    public IReadOnlyList<FunctionProfileEntry> Profile { get; init; } = [];

    /// <summary>Expectations that did not hold, in report order.</summary>
    public IEnumerable<ExpectationResult> FailedExpectations => Expectations.Where(e => !e.Passed);
}
