namespace BarHarness.Reports.Model;

/// <summary>
/// The frames the budget expectations judge (game time from <see cref="AfterSeconds"/> on): the very
/// figures the verdicts print, from the same summaries as the whole-run figures.
/// </summary>
public sealed record JudgedFrames
{
    /// <summary>Frames before this game time are warm-up, left out of the verdicts.</summary>
    public double AfterSeconds { get; init; }

    /// <summary>Widget CPU µs per judged frame: what the budget verdicts judge.</summary>
    public Distribution FrameCpuMicros { get; init; } = Distribution.Empty;

    /// <summary>Judged frames whose widget CPU time exceeded the budget.</summary>
    public OverBudget OverBudgetCpu { get; init; } = OverBudget.None;

    /// <summary>Real time over thread CPU time for the judged frames (1 = never waited for a core).</summary>
    public double Contention { get; init; }

    /// <summary>
    /// The widget's Spring.GetTimer clock over its CPU time in these frames (1.0: the widget saw what
    /// the verdicts judge); null when it read the machine's clock.
    /// </summary>
    public double? TimerToCpu { get; init; }

    /// <summary>Thread CPU µs per judged frame of the Lua collector's steps between call-ins.</summary>
    public Distribution FrameCollectorMicros { get; init; } = Distribution.Empty;

    /// <summary>Real widget µs per judged frame.</summary>
    public Distribution FrameRealMicros { get; init; } = Distribution.Empty;

    /// <summary>Deterministic cost per judged frame.</summary>
    public Distribution FrameCost { get; init; } = Distribution.Empty;

    /// <summary>Judged frames whose real widget time exceeded the budget.</summary>
    public OverBudget OverBudgetReal { get; init; } = OverBudget.None;

    /// <summary>Judged frames whose deterministic cost exceeded the budget.</summary>
    public OverBudget OverBudgetCost { get; init; } = OverBudget.None;

    public static JudgedFrames Empty { get; } = new();
}
