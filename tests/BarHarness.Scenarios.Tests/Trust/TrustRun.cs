using BarHarness.Scenarios.Probes;

namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>
/// A scenario run from YAML text against a given widget file, with the result and what it observed.
/// </summary>
/// <param name="TimerReadings">The widget's Spring.GetTimer readings in a <c>timer: cpu</c> run (else null).</param>
internal sealed record TrustRun(
    ScenarioResult Result, ProbeSet Probes, ulong WorldStateHash, IReadOnlyList<long>? TimerReadings)
{
    public static TrustRun Execute(
        string yaml,
        string name,
        string? widgetFile,
        ulong? seed = null,
        double heapSampleSeconds = 10,
        bool allowRunError = false,
        IReadOnlyList<long>? replayTimerReadings = null)
    {
        var definition = ScenarioLoader.Parse(yaml, name + ".yaml");
        var (result, probes, worldHash, readings) = Simulation.Play(
            new LoadedScenario(name + ".yaml", definition),
            new RunOptions
            {
                RepoRoot = RepositoryFiles.Root,
                WidgetOverride = widgetFile,
                SeedOverride = seed,
                HeapSampleIntervalSeconds = heapSampleSeconds,
                ReplayedTimerReadings = replayTimerReadings,
            });
        Assert.True(allowRunError || result.Error is null, $"{name}: the run itself failed: {result.Error?.Message}");
        Assert.True(probes is not null, $"{name}: the harness failed: {result.Error?.Message}");
        return new TrustRun(result, probes, worldHash, readings);
    }

    public ExpectationResult Expectation(string name) =>
        Result.Expectations.FirstOrDefault(e => e.Name == name)
        ?? throw new Xunit.Sdk.XunitException(
            $"no expectation '{name}' in [{string.Join(", ", Result.Expectations.Select(e => e.Name))}]");

    /// <summary>
    /// Every expectation with its verdict and actual value, and the oracle's violation kinds, for assertion messages.
    /// </summary>
    public string Describe() =>
        string.Join("; ", Result.Expectations.Select(e => $"{e.Name} {(e.Passed ? "ok" : "FAILED")}: {e.Actual}"))
        + " | violations: "
        + string.Join(
            ", ",
            Probes.Network.Violations.GroupBy(v => v.Kind).Select(g => $"{g.Key} x{g.Count()} ({g.First().Detail})"));

    /// <summary>A one-line account of every failed expectation, for assertion messages.</summary>
    public string Failures() =>
        string.Join("; ", Result.FailedExpectations.Select(e => $"{e.Name}: expected {e.Expected}, got {e.Actual}"))
        + (Probes.Lifecycle.WidgetEvents.Count == 0
            ? string.Empty
            : " | events: " + string.Join(
                "; ", Probes.Lifecycle.WidgetEvents.Take(3).Select(e => $"{e.Kind} {e.CallIn} {e.Message}")));
}
