namespace BarHarness.Reports.Model;

/// <summary>
/// Everything one <c>barharness run</c> produced: the single model every exporter reads.
/// The caller supplies all times and machine facts; the report never reads a clock itself,
/// so two runs with the same inputs produce byte-identical deterministic sections.
/// </summary>
public sealed record RunReport
{
    /// <summary>Version of the harness that produced the run (e.g. <c>0.3.0+abc1234</c>).</summary>
    public required string ToolVersion { get; init; }

    /// <summary>When the run started, as an ISO 8601 UTC string chosen by the caller.</summary>
    public required string StartedAt { get; init; }

    /// <summary>When the run ended (ISO 8601 UTC), if the caller knows it.</summary>
    public string? FinishedAt { get; init; }

    /// <summary>Real seconds the whole run took: a measurement, never part of a verdict.</summary>
    public double? WallSeconds { get; init; }

    public required MachineInfo Machine { get; init; }

    /// <summary>
    /// The Lua VM the widgets ran on: <c>lua51</c> (a native Lua 5.1 library, BAR's language) or
    /// <c>lua54</c> (Lua 5.4 with the harness's 5.1 profile). Null in reports written before it was recorded.
    /// </summary>
    public string? LuaVm { get; init; }

    /// <summary>The seeds used by the scenarios (distinct, in first-use order).</summary>
    public IReadOnlyList<ulong> Seeds { get; init; } = [];

    /// <summary>
    /// Coefficients that priced every frame's deterministic cost in this run. A baseline comparison
    /// is only meaningful when both runs were priced with the same coefficients.
    /// </summary>
    public CostCoefficients? CostModel { get; init; }

    /// <summary>Shard this report came from (e.g. <c>2/4</c>), null for an unsharded or merged run.</summary>
    public string? Shard { get; init; }

    public IReadOnlyList<ScenarioResult> Scenarios { get; init; } = [];

    /// <summary>True when every scenario passed (the CLI's exit code 0).</summary>
    public bool Passed => Scenarios.All(s => s.Outcome == ScenarioOutcome.Pass);
}
