namespace BarHarness.Scenarios.Running;

/// <summary>
/// Plays a scenario and, when it failed budget expectations and nothing else, plays it once more and
/// keeps the replay's result, with the first run's failures beside it
/// (<see cref="ScenarioResult.FirstRunBudgetFailures"/>). A run is deterministic given its seed and its
/// widget's Spring.GetTimer readings (a <c>timer: cpu</c> replay is handed the first run's), so the replay
/// does the same work frame for frame: a frame the widget makes too heavy is too heavy again and the scenario
/// still fails, while a frame another process disturbed (one that takes 1.0 ms alone took 3.5 ms of CPU
/// time while test processes ran beside it) is not disturbed twice.
/// </summary>
public static class BudgetReplay
{
    public static ScenarioResult Play(LoadedScenario scenario, RunOptions options, IProgress<RunProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var played = Simulation.Play(scenario, options, progress);
        var first = played.Result;
        if (!options.ReplayBudgetFailures || !FailedOnlyBudget(first))
        {
            return first;
        }

        // A timer: cpu run's widget acted on its CPU-time readings: the replay hands it the same ones.
        var replayOptions = played.TimerReadings is { } readings && options.ReplayedTimerReadings is null
            ? options with { ReplayedTimerReadings = readings }
            : options;
        var replay = Simulation.Play(scenario, replayOptions, progress: null).Result;
        return replay with { FirstRunBudgetFailures = [.. first.FailedExpectations] };
    }

    /// <summary>True when the run ended without an error and every failed expectation is a budget one.</summary>
    public static bool FailedOnlyBudget(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var failed = result.FailedExpectations.ToList();
        return result.Error is null && failed.Count > 0 && failed.All(IsBudget);
    }

    /// <summary>True for a <c>budget.*</c> expectation.</summary>
    public static bool IsBudget(ExpectationResult expectation)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        return expectation.Name.StartsWith("budget.", StringComparison.Ordinal);
    }
}
