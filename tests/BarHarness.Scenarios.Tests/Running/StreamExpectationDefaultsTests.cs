namespace BarHarness.Scenarios.Tests.Running;

/// <summary>A widget that never tries to connect gets no stream checks unless the scenario asks for them.</summary>
public sealed class StreamExpectationDefaultsTests
{
    private static ScenarioResult Run(string yaml, string? widget)
    {
        var scenario = new LoadedScenario("(test)", ScenarioLoader.Parse(yaml, "(test)"));
        var options = new RunOptions { RepoRoot = RepositoryFiles.Root, WidgetOverride = widget };
        return Simulation.Play(scenario, options).Result;
    }

    private static string NonStreaming =>
        Path.Combine(RepositoryFiles.Root, "tests", "widgets", "gui_pause_screen.lua");

    private const string Plain = "name: plain\nseed: 3\nduration: 4s\nunits: {initial: 20}\n";

    [Fact]
    public void A_widget_that_never_connects_gets_no_stream_checks_by_default()
    {
        var result = Run(Plain, NonStreaming);
        Assert.DoesNotContain(result.Expectations, e => e.Name.StartsWith("oracle.", StringComparison.Ordinal));
        Assert.Equal(ScenarioOutcome.Pass, result.Outcome);
    }

    [Fact]
    public void A_scenario_naming_its_widget_and_asking_for_the_stream_fails_a_widget_that_never_sends()
    {
        var yaml = Plain + $"widget: {{path: '{NonStreaming}'}}\n" + "expectations:\n  oracle: {valid_stream: true}\n";
        var result = Run(yaml, widget: null);
        Assert.Contains(result.Expectations, e => e.Name == "oracle.stream_received" && !e.Passed);
    }

    [Fact]
    public void The_bundled_widget_is_always_judged_on_its_stream()
    {
        var result = Run(Plain, null);
        Assert.Contains(result.Expectations, e => e.Name == "oracle.stream_received");
    }
}
