namespace BarHarness.Reports.Model;

/// <summary>
/// The 2 ms frame-budget report of one scenario. "Widget time" is all real time inside the widget's
/// call-ins during a sim frame, engine calls included; <see cref="FrameEngineMicros"/> is the part
/// spent inside engine (Spring.*) calls, shown apart so the widget's own Lua cost is visible.
/// </summary>
public sealed record BudgetReport
{
    /// <summary>The per-frame budget in real µs (2000 = BAR's 2 ms target).</summary>
    public double BudgetMicros { get; init; } = 2000;

    /// <summary>Real widget µs per sim frame.</summary>
    public Distribution FrameRealMicros { get; init; } = Distribution.Empty;

    /// <summary>Deterministic cost per sim frame (µs-equivalent on the calibration machine).</summary>
    public Distribution FrameCost { get; init; } = Distribution.Empty;

    /// <summary>Real µs per frame spent inside engine calls.</summary>
    public Distribution FrameEngineMicros { get; init; } = Distribution.Empty;

    /// <summary>Engine-call µs over all widget µs for the whole run (0..1).</summary>
    public double EngineShare { get; init; }

    /// <summary>Frames whose real widget time exceeded the budget.</summary>
    public OverBudget OverBudgetReal { get; init; } = OverBudget.None;

    /// <summary>Frames whose deterministic cost exceeded the budget (the figure the CI gate trusts).</summary>
    public OverBudget OverBudgetCost { get; init; } = OverBudget.None;

    /// <summary>Per call-in figures, in call-in name order.</summary>
    public IReadOnlyList<CallInBudget> CallIns { get; init; } = [];

    /// <summary>Per unit-count bucket figures, in ascending unit order; empty buckets are left out.</summary>
    public IReadOnlyList<UnitBucketBudget> UnitBuckets { get; init; } = [];

    /// <summary>The frames the budget verdicts judge (after warm-up), summarised like the whole run.</summary>
    public JudgedFrames Judged { get; init; } = JudgedFrames.Empty;

    public static BudgetReport Empty { get; } = new();
}
