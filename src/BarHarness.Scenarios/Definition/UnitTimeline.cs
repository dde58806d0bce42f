namespace BarHarness.Scenarios.Definition;

/// <summary>
/// How many units exist over time. The runner starts with <see cref="Initial"/> units spread over
/// the teams and applies the changes below at their times; <see cref="ChurnPerSecond"/> replaces
/// units (one destroyed and one created per unit of churn) without changing the count.
/// </summary>
/// <param name="Initial">Units alive at frame 0.</param>
/// <param name="Ramps">Linear changes of the total count.</param>
/// <param name="Waves">Groups spawned at once for one team (or spread).</param>
/// <param name="ChurnPerSecond">Units replaced per game second, steadily.</param>
/// <param name="MassSpawns">Many units created in one frame.</param>
/// <param name="MassDestroys">Many units destroyed in one frame.</param>
/// <param name="Transfers">Units given from one team to another (<c>UnitGiven</c>/<c>UnitTaken</c>).</param>
/// <param name="MovingShare">Share of units moving in a frame (drives position deltas).</param>
/// <param name="Los">How visibility of enemy units changes.</param>
public sealed record UnitTimeline(
    int Initial,
    IReadOnlyList<UnitRamp> Ramps,
    IReadOnlyList<UnitWave> Waves,
    double ChurnPerSecond,
    IReadOnlyList<MassChange> MassSpawns,
    IReadOnlyList<MassChange> MassDestroys,
    IReadOnlyList<UnitTransfer> Transfers,
    double MovingShare,
    LosSpec Los,
    bool Hold = true)
{
    /// <summary>
    /// An upper bound of the units alive at any time (initial, every ramp target, every spawn added up),
    /// used to keep scenarios inside <see cref="ScenarioDefinition.MaxUnits"/>.
    /// </summary>
    public int PeakBound =>
        Math.Max(Initial, Ramps.Select(r => r.To).DefaultIfEmpty(0).Max())
        + Waves.Sum(w => w.Count) + MassSpawns.Sum(m => m.Count);
}

/// <summary>
/// From <see cref="AtSeconds"/>, move the total unit count linearly to <see cref="To"/> over <see cref="OverSeconds"/>.
/// </summary>
public sealed record UnitRamp(double AtSeconds, int To, double OverSeconds);

/// <summary>Spawn <see cref="Count"/> units at once for <see cref="Team"/> (null: spread over all teams).</summary>
public sealed record UnitWave(double AtSeconds, int Count, int? Team);

/// <summary>Create or destroy <see cref="Count"/> units in one frame (null team: any team).</summary>
public sealed record MassChange(double AtSeconds, int Count, int? Team);

/// <summary>Give <see cref="Count"/> units of team <see cref="From"/> to team <see cref="To"/>.</summary>
public sealed record UnitTransfer(double AtSeconds, int Count, int From, int To);

/// <summary>Line-of-sight churn for enemy units.</summary>
/// <param name="ChangesPerSecond">Enemy units entering or leaving the local player's LOS per second.</param>
/// <param name="MovingEnemies">Enemies walk through the edge of LOS (positions of half-visible units change).</param>
public sealed record LosSpec(double ChangesPerSecond, bool MovingEnemies)
{
    public static LosSpec Still { get; } = new(0, false);
}
