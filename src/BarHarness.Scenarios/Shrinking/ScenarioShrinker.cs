namespace BarHarness.Scenarios.Shrinking;

/// <summary>
/// What shrinking found: the smallest scenario that still fails the target expectations, and how it got there.
/// </summary>
public sealed record ShrinkResult(
    ScenarioDefinition Original,
    ScenarioDefinition Minimal,
    IReadOnlyList<string> TargetExpectations,
    IReadOnlyList<string> AcceptedSteps,
    int Runs,
    bool BudgetExhausted);

/// <summary>
/// Greedy delta debugging over <see cref="ShrinkCandidates"/>: try the reductions in order, keep the
/// first that still fails every target expectation, start over from it; stop when no reduction
/// keeps the failure or the run budget is spent. Runs are deterministic (same seed), so one run per
/// candidate decides. A run that returns null (it did not finish in time) counts as not failing the same way.
/// </summary>
public sealed class ScenarioShrinker(Func<ScenarioDefinition, ScenarioResult?> run, int maxRuns)
{
    public ShrinkResult Shrink(
        ScenarioDefinition original,
        IReadOnlyCollection<string> targets,
        Action<string>? log = null)
    {
        var current = original;
        var accepted = new List<string>();
        var runs = 0;
        var improved = true;
        while (improved && runs < maxRuns)
        {
            improved = false;
            foreach (var candidate in ShrinkCandidates.For(current))
            {
                if (runs >= maxRuns)
                {
                    break;
                }

                runs++;
                var result = run(candidate.Scenario);
                var keeps = StillFails(result, targets);
                var outcome = keeps ? "still fails, kept"
                    : result is null ? "did not finish in time, skipped"
                    : "does not fail the same way";
                log?.Invoke($"run {runs}: {candidate.Step}: {outcome}");
                if (keeps)
                {
                    current = candidate.Scenario;
                    accepted.Add(candidate.Step);
                    improved = true;
                    break;
                }
            }
        }

        return new ShrinkResult(original, current, targets.ToList(), accepted, runs, runs >= maxRuns);
    }

    /// <summary>The same failure: the run completed and every target expectation failed again.</summary>
    public static bool StillFails(ScenarioResult? result, IReadOnlyCollection<string> targets)
    {
        if (result is null || result.Outcome != ScenarioOutcome.Fail)
        {
            return false;
        }

        var failed = result.FailedExpectations.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        return targets.All(failed.Contains);
    }
}
