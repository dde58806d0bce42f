using BarHarness.Scenarios.Probes;

namespace BarHarness.Scenarios.Tests.Probes;

/// <summary>Every report field has one owner, and a probe cannot export what it does not own.</summary>
public sealed class ProbeOwnershipTests
{
    private const string SmallGame = """
        name: ownership
        seed: 3
        duration: 3s
        units:
          initial: 12
        expectations:
          no_lua_errors: true
          budget: { p99_ms: 5 }
          memory: { max_growth_kb_per_min: 4096 }
          max_console_lines_per_min: 1000
        """;

    [Fact]
    public void Every_result_field_is_owned_by_the_simulation_or_exactly_one_probe()
    {
        var probes = Play().Probes!;
        var owners = probes.All.SelectMany(p => p.Owns.Select(f => (Field: f, Owner: p.GetType().Name)))
            .Concat(ProbeSet.SimulationOwns.Select(f => (Field: f, Owner: "Simulation")))
            .ToList();

        foreach (var field in ProbeSet.ResultFieldNames)
        {
            var owning = owners.Where(o => o.Field == field).Select(o => o.Owner).ToList();
            Assert.True(owning.Count == 1, $"ScenarioResult.{field} is owned by [{string.Join(", ", owning)}]");
        }

        Assert.All(owners, o => Assert.Contains(o.Field, ProbeSet.ResultFieldNames));
    }

    [Fact]
    public void A_probe_writing_a_field_it_does_not_own_is_refused()
    {
        var probes = Play().Probes!;
        var error = Assert.Throws<InvalidOperationException>(
            () => ProbeSet.ExportFrom([.. probes.All, new RogueProbe()], Identity()));
        Assert.Contains("RogueProbe wrote ScenarioResult.Leak", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_probe_judges_only_the_expectations_it_owns()
    {
        var (result, probes, _, _) = Play();
        var byProbe = probes!.All.ToDictionary(
            p => p.GetType().Name,
            p =>
            {
                var verdicts = new List<ExpectationResult>();
                p.Judge(ScenarioLoader.Parse(SmallGame, "ownership.yaml").Expectations, verdicts);
                return verdicts.Select(v => v.Name).ToList();
            });

        Assert.Contains("budget.p99", byProbe[nameof(BudgetProbe)]);
        Assert.Contains("memory.growth", byProbe[nameof(MemoryProbe)]);
        Assert.Contains("console_spam", byProbe[nameof(ConsoleProbe)]);
        Assert.Contains("no_lua_errors", byProbe[nameof(LifecycleProbe)]);
        Assert.Contains("oracle.valid_stream", byProbe[nameof(NetworkProbe)]);
        Assert.Equal(result.Expectations.Select(e => e.Name), byProbe.Values.SelectMany(v => v));
    }

    private static PlayedScenario Play() =>
        Simulation.Play(
            new LoadedScenario("ownership.yaml", ScenarioLoader.Parse(SmallGame, "ownership.yaml")),
            new RunOptions { RepoRoot = RepositoryFiles.Root });

    private static ScenarioResult Identity() => BareResult.Of(ScenarioOutcome.Pass);

    private sealed class RogueProbe : IProbe
    {
        public IReadOnlyCollection<string> Owns { get; } = [nameof(ScenarioResult.Console)];

        public void Judge(ExpectationSet expectations, ICollection<ExpectationResult> verdicts)
        {
        }

        public ScenarioResult Export(ScenarioResult result) =>
            result with { Leak = LeakReport.Empty with { VerdictReason = "a figure nobody measured" } };
    }
}
