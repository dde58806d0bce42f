namespace BarHarness.Scenarios.Definition;

/// <summary>
/// One scenario file, parsed and validated: what world to simulate, what happens in it, what the
/// network does, and what must hold at the end. Immutable; all times are game seconds from the start
/// of the run (game frame 0), already checked to lie within <see cref="DurationSeconds"/>.
/// The format is documented in <c>scenarios/README.md</c>.
/// </summary>
/// <param name="Name">Unique name used in reports and by <c>--filter</c> (defaults to the file name).</param>
/// <param name="Description">Free text for humans; may be empty.</param>
/// <param name="Tags">Labels such as <c>load</c>, <c>network</c>, <c>long</c>, for filtering.</param>
/// <param name="Seed">Seed of the run's <c>SeededRandom</c>; a seed and a widget replay a run exactly.</param>
/// <param name="DurationSeconds">Game time to simulate (30 frames per game second).</param>
/// <param name="Widget">Which widget to load and the config handed to its <c>SetConfigData</c>.</param>
/// <param name="World">Teams, map, local player, unit defs, edge-case data injection.</param>
/// <param name="Units">How the number of units changes over time.</param>
/// <param name="Events">Game events (speed, pause, reload, ...) sorted by time, repeats expanded.</param>
/// <param name="Network">Transport and the test server's initial state.</param>
/// <param name="Faults">The test server's fault schedule sorted by start time, repeats expanded.</param>
/// <param name="Expectations">What must hold for the scenario to pass.</param>
/// <param name="DirectorPath">Absolute path of an optional Lua director script, or null.</param>
/// <param name="Timer">Virtual (deterministic) or real timers for the widget's <c>Spring.GetTimer</c>.</param>
/// <param name="SourceFile">Absolute path of the scenario file (or the name given for in-memory text).</param>
public sealed record ScenarioDefinition(
    string Name,
    string Description,
    IReadOnlyList<string> Tags,
    ulong Seed,
    double DurationSeconds,
    WidgetSpec Widget,
    WorldSpec World,
    UnitTimeline Units,
    IReadOnlyList<GameEvent> Events,
    NetworkSpec Network,
    IReadOnlyList<FaultSpec> Faults,
    ExpectationSet Expectations,
    string? DirectorPath,
    TimerMode Timer,
    string SourceFile)
{
    /// <summary>Sim frames per game second in Recoil.</summary>
    public const int FramesPerSecond = 30;

    /// <summary>Upper bound on any unit count in a scenario (the synthetic world's size limit).</summary>
    public const int MaxUnits = 20_000;

    /// <summary>Longest game time a scenario may ask for (48 hours).</summary>
    public const double MaxDurationSeconds = 48 * 3600;

    public int DurationFrames => (int)Math.Round(DurationSeconds * FramesPerSecond);

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);
}
