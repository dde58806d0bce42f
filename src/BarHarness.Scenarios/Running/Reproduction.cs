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
public sealed record Reproduction(
    string ScenarioFile,
    ulong Seed,
    string? WidgetOverride,
    bool ScenarioFileBroken = false)
{
    public static Reproduction Of(LoadedScenario scenario, ulong seed, RunOptions options) =>
        new(scenario.RelativePath, seed, options.WidgetOverride);

    /// <summary>Plain words, for callers that format no command line.</summary>
    public string Describe() => ScenarioFileBroken
        ? $"check scenario {ScenarioFile}"
        : $"scenario {ScenarioFile}, seed {Seed}"
            + (WidgetOverride is null ? string.Empty : $", widget {WidgetOverride}");
}
