namespace BarHarness.Scenarios.Definition;

/// <summary>What must hold for a scenario to pass; null members are not checked.</summary>
/// <param name="Budget">Frame-time limits for the widget.</param>
/// <param name="Memory">Heap growth limit, or null.</param>
/// <param name="NoLuaErrors">No Lua error in any call-in (default true).</param>
/// <param name="NoBlockingCalls">No blocking socket call or <c>socket.sleep</c> (default true).</param>
/// <param name="ReconnectWithinSeconds">After the server is back, the widget is connected again within this many game
/// seconds.</param>
/// <param name="Oracle">Checks of the received stream.</param>
/// <param name="MaxConsoleLinesPerMinute">Console spam bound (lines per game minute), or null.</param>
/// <param name="ExpectWidgetRemoved">The widget should end up removed (BAR removes a widget whose call-in errors): for
/// user-error scenarios.</param>
/// <param name="ExpectErrors">Substrings that must each appear in some error or console message.</param>
public sealed record ExpectationSet(
    BudgetExpectation Budget,
    MemoryExpectation? Memory,
    bool NoLuaErrors,
    bool NoBlockingCalls,
    double? ReconnectWithinSeconds,
    OracleExpectation Oracle,
    double? MaxConsoleLinesPerMinute,
    bool ExpectWidgetRemoved,
    IReadOnlyList<string> ExpectErrors)
{
    public static ExpectationSet Default { get; } =
        new(BudgetExpectation.Default, null, true, true, null, OracleExpectation.Default, null, false, []);
}

/// <summary>Per-frame widget time (all call-ins of one sim frame summed).</summary>
/// <param name="BudgetMs">The frame budget (default 2 ms); frames above it count as over budget.</param>
/// <param name="P99Ms">Upper bound of the 99th percentile, or null.</param>
/// <param name="MaxMs">Upper bound of the slowest frame, or null.</param>
/// <param name="MaxOverBudgetShare">Largest share (0..1) of frames allowed over <see cref="BudgetMs"/>, or
/// null.</param>
/// <param name="AfterSeconds">Warm-up: frames before this game time are not counted.</param>
public sealed record BudgetExpectation(
    double BudgetMs,
    double? P99Ms,
    double? MaxMs,
    double? MaxOverBudgetShare,
    double AfterSeconds)
{
    public const double DefaultBudgetMs = 2.0;

    public static BudgetExpectation Default { get; } = new(DefaultBudgetMs, null, null, null, 0);

    /// <summary>
    /// Upper bound of the Lua collector's mean CPU time a frame between call-ins (the widget's garbage,
    /// collected as Recoil collects it: no call-in pays, the frame does), or null.
    /// </summary>
    public double? CollectorMeanMs { get; init; }
}

/// <summary>Heap after full collection: the fitted growth slope must stay below the bound.</summary>
/// <param name="MaxGrowthKbPerMinute">KB per game minute.</param>
/// <param name="AfterSeconds">Warm-up excluded from the fit (caches filling).</param>
public sealed record MemoryExpectation(double MaxGrowthKbPerMinute, double AfterSeconds);

/// <summary>Checks by the stream oracle on what the test server received.</summary>
/// <param name="ValidStream">Every message is well-framed valid JSON of the schema (default true).</param>
/// <param name="NoSilentLoss">Every sequence gap is declared by the widget (default true).</param>
/// <param name="Privacy">No unit the local player cannot see is exported (default true).</param>
/// <param name="SnapshotAfterReconnect">The first message after every (re)connect is hello/snapshot (default
/// true).</param>
/// <param name="FreshnessFrames">Every visible unit's exported state at most this many sim frames old, or null.</param>
/// <param name="Accuracy">Exported values match the world (within float32 and the widget's move threshold) (default
/// false).</param>
/// <param name="FreshnessAfterSeconds">
/// The freshness bound judges messages from this game time on (default 0); every sample is still reported.
/// </param>
/// <param name="FreshnessMaxUnits">
/// The freshness bound judges messages while the local player sees at most this many units (default: any number).
/// </param>
public sealed record OracleExpectation(
    bool ValidStream,
    bool NoSilentLoss,
    bool Privacy,
    bool SnapshotAfterReconnect,
    int? FreshnessFrames,
    bool Accuracy,
    double FreshnessAfterSeconds = 0,
    int? FreshnessMaxUnits = null)
{
    public static OracleExpectation Default { get; } = new(true, true, true, true, null, false);

    /// <summary>The freshness bound judges only part of the run (after a time, or up to a number of units).</summary>
    public bool FreshnessScoped => FreshnessAfterSeconds > 0 || FreshnessMaxUnits is not null;

    /// <summary>
    /// The scenario wrote an <c>oracle:</c> section. Without one, a widget that never tries to connect
    /// (not a streaming widget) gets no stream checks; the bundled widget always does.
    /// </summary>
    public bool Written { get; init; }
}
