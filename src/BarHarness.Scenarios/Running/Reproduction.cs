namespace BarHarness.Scenarios.Running;

/// <summary>
/// What reproduces a scenario's result: the scenario file, the seed, and the widget when it was not the scenario's.
/// </summary>
/// <param name="ScenarioFile">
/// The scenario file as the user names it (relative to the repository when inside it).
/// </param>
/// <param name="Seed">The seed the run used.</param>
/// <param name="WidgetOverride">The widget run instead of the scenario's, or null.</param>
/// <param name="ScenarioFileBroken">The file did not load: checking it again reproduces the error.</param>
/// <param name="TimerTrace">
/// The Spring.GetTimer readings of a <c>timer: cpu</c> run (<see cref="TimerTraceFile"/>), or null.
/// </param>
public sealed record Reproduction(
    string ScenarioFile,
    ulong Seed,
    string? WidgetOverride,
    bool ScenarioFileBroken = false,
    string? TimerTrace = null)
{
    public static Reproduction Of(LoadedScenario scenario, ulong seed, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var trace = options.TimerTraceFile ?? Simulation.TracePath(scenario.Definition, options);
        return new(scenario.RelativePath, seed, options.WidgetOverride, TimerTrace: Shown(options.RepoRoot, trace));
    }

    // Relative to the repository (where the reproduce line runs) when inside it.
    private static string? Shown(string root, string? path)
    {
        if (path is null || !Path.IsPathRooted(path))
        {
            return path;
        }

        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }

    /// <summary>Plain words, for callers that format no command line.</summary>
    public string Describe() => ScenarioFileBroken
        ? $"check scenario {ScenarioFile}"
        : $"scenario {ScenarioFile}, seed {Seed}"
            + (WidgetOverride is null ? string.Empty : $", widget {WidgetOverride}")
            + (TimerTrace is null ? string.Empty : $", timer trace {TimerTrace}");
}
