namespace BarHarness.TestServer.Oracle;

public sealed record OracleOptions
{
    public int ExpectedSchemaVersion { get; init; } = 1;

    public MessageFieldMap Fields { get; init; } = MessageFieldMap.Default;

    /// <summary>Elmos between an exported position and the engine's. SCHEMA.md rounds to whole elmos (0.5), float32
    /// adds far less.</summary>
    public double PositionTolerance { get; init; } = 1.0;

    /// <summary>Hit points; SCHEMA.md rounds health to integers.</summary>
    public double HealthTolerance { get; init; } = 1.0;

    /// <summary>
    /// How far the client's picture may drift from the engine and still count as fresh: the
    /// widget re-sends a unit only past its change thresholds (1 elmo, 1 hp) and rounds.
    /// </summary>
    public double FreshPositionSlack { get; init; } = 2.0;

    public double FreshHealthSlack { get; init; } = 2.0;

    /// <summary>
    /// SCHEMA.md §8: radar-only enemy contacts are never sent, not even their position. Set true
    /// for a widget that may send a blip's (offset) position but nothing that needs LOS.
    /// </summary>
    public bool RadarContactsAllowed { get; init; }

    /// <summary>Longest sample window (frames) the oracle believes; larger declared windows are clamped.</summary>
    public int MaxSampleWindow { get; init; } = 30;

    /// <summary>
    /// SCHEMA §7.3 and §7.4: a visible unit absent from or stale in the client's picture, or a unit the player
    /// cannot see kept in it, for more than this many frames is a violation. 90 = 3 s of game.
    /// </summary>
    public int MaxStaleFrames { get; init; } = 90;

    /// <summary>
    /// Freshness samples from messages stamped before this frame are kept in <see cref="OracleStats.Freshness"/>
    /// only, not in <see cref="OracleStats.JudgedFreshness"/> (a scenario's <c>freshness_after_s</c>).
    /// </summary>
    public int FreshnessJudgedFromFrame { get; init; }

    /// <summary>
    /// Freshness samples from messages while the local player sees more units than this are kept in
    /// <see cref="OracleStats.Freshness"/> only (a scenario's <c>freshness_max_units</c>).
    /// </summary>
    public int FreshnessJudgedUpToVisibleUnits { get; init; } = int.MaxValue;

    /// <summary>SCHEMA §6.1: build progress has three decimals and a 0.001 change threshold.</summary>
    public double BuildProgressTolerance { get; init; } = 0.0016;

    /// <summary>Stop recording violations past this count (counters keep counting) so a broken stream cannot exhaust
    /// memory.</summary>
    public int MaxRecordedViolations { get; init; } = 10_000;
}
