using BarHarness.TestServer.Faults;

namespace BarHarness.Scenarios.Tests.Definition;

public sealed class StandardLibraryTests
{
    private static readonly ScenarioBatch Library =
        ScenarioLoader.LoadAll([RepositoryFiles.Scenarios], RepositoryFiles.Root);

    [Fact]
    public void Every_standard_scenario_loads_without_error()
    {
        var errors = string.Join(Environment.NewLine, Library.Errors.Select(e => e.Error.Describe()));
        Assert.True(Library.Errors.Count == 0, errors);
        Assert.True(Library.Scenarios.Count >= 40, $"only {Library.Scenarios.Count} scenarios loaded");
    }

    [Theory]
    [InlineData("load")]
    [InlineData("network")]
    [InlineData("resources")]
    [InlineData("data")]
    [InlineData("user")]
    [InlineData("transitions")]
    [InlineData("repro")]
    public void Every_library_folder_holds_scenarios(string folder)
    {
        Assert.Contains(Library.Scenarios,
            s => s.RelativePath.StartsWith($"scenarios/{folder}/", StringComparison.Ordinal));
    }

    [Fact]
    public void Scenario_names_start_with_their_folder()
    {
        foreach (var scenario in Library.Scenarios)
        {
            var folder = scenario.RelativePath.Split('/')[1];
            Assert.StartsWith(folder + "-", scenario.Definition.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_long_tagged_scenarios_exceed_two_minutes_of_game_time()
    {
        foreach (var scenario in Library.Scenarios.Where(s => !s.Definition.HasTag("long")))
        {
            Assert.True(scenario.Definition.DurationSeconds <= 180,
                $"{scenario.RelativePath} runs {scenario.Definition.DurationSeconds} s without the 'long' tag");
        }
    }

    [Fact]
    public void The_soak_tier_is_not_in_the_suite_and_covers_ten_hours_at_two_hundred_units()
    {
        var soak = ScenarioLoader.LoadAll([Path.Combine(RepositoryFiles.Scenarios, "soak")], RepositoryFiles.Root);

        Assert.Empty(soak.Errors);
        Assert.DoesNotContain(Library.Scenarios, s => s.RelativePath.Contains("/soak/", StringComparison.Ordinal));
        var games = soak.Scenarios.Select(s => (s.Definition.DurationSeconds, s.Definition.Units.Initial)).ToList();
        Assert.Contains((36_000d, 200), games);
        Assert.Contains((7_200d, 1000), games);
        Assert.All(soak.Scenarios, s => Assert.StartsWith("soak-", s.Definition.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Endurance_covers_two_hours_at_two_hundred_units_with_a_memory_bound()
    {
        var endurance = Library.Scenarios.Single(s => s.Definition.Name == "load-endurance").Definition;
        Assert.Equal(7200, endurance.DurationSeconds);
        Assert.Equal(200, endurance.Units.Initial);
        Assert.True(endurance.HasTag("long"));
        Assert.NotNull(endurance.Expectations.Memory);
    }

    [Fact]
    public void The_thousand_unit_scenario_checks_the_widget_target()
    {
        var s = Library.Scenarios.Single(s => s.Definition.Name == "load-units-1000").Definition;
        Assert.Equal(1000, s.Units.Initial);
        Assert.Equal(1.5, s.Expectations.Budget.P99Ms);
        Assert.Equal(2, s.Expectations.Budget.MaxMs);
        Assert.Equal(1, s.Expectations.Budget.AfterSeconds);
        Assert.Equal(3, s.Expectations.Oracle.FreshnessFrames);
    }

    [Fact]
    public void Network_scenarios_together_use_every_fault_the_server_offers()
    {
        var used = Library.Scenarios.SelectMany(s => s.Definition.Faults).Select(f => f.Name).ToHashSet();
        Assert.Equal(FaultCatalog.Default.Names, used.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Seeds_are_all_different()
    {
        var seeds = Library.Scenarios.Select(s => s.Definition.Seed).ToArray();
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
    }

    [Fact]
    public void The_readme_example_is_a_valid_scenario()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Scenarios, "README.md"));
        var start = readme.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        var example = ScenarioLoader.Parse(readme[start..end],
            Path.Combine(RepositoryFiles.Scenarios, "readme-example.yaml"));

        Assert.Equal("example-everything", example.Name);
        Assert.Equal(120, example.DurationSeconds);
        Assert.Equal(8, example.World.TeamCount);
        Assert.Equal(8, example.World.GaiaTeamId);
        Assert.Equal(11, example.Events.Count);
        Assert.Equal(5, example.Faults.Count);
        Assert.Equal(Path.Combine(RepositoryFiles.Root, "widget", "export_livedata.lua"), example.Widget.Path);
    }
}
