using BarHarness.Scenarios.Definition;
using BarHarness.Scenarios.Shrinking;

namespace BarHarness.Cli.Tests;

public sealed class ShrinkCommandTests
{
    // Errors as soon as it sees more than 40 units: the failure depends on the unit count only.
    private const string WidgetFailingAbove40Units = """
        function widget:GetInfo() return {name = "fails-above-40", layer = 0, enabled = true} end
        function widget:GameFrame(n)
          if #Spring.GetAllUnits() > 40 then error("too many units: " .. #Spring.GetAllUnits()) end
        end
        """;

    private const string Scenario = """
        name: big-failure
        seed: 5
        duration: 4s
        world: {ally_teams: 2, teams: 2}
        units:
          initial: 120
          ramps: [{at: 2s, to: 200, over: 1s}]
          waves: [{at: 3s, count: 50}]
        events:
          - {action: speed, at: 1s, speed: 0.5}
          - {action: speed, at: 3.5s, speed: 2}
        faults:
          - {name: latency, at: 1s, duration: 1s, params: {latency_ms: 100, jitter_ms: 0}}
          - {name: disconnect, at: 2.5s}
        """;

    [Fact]
    public void Shrink_writes_a_smaller_scenario_that_loads_and_still_fails()
    {
        var dir = CliRunner.TempDir();
        var widget = Path.Combine(dir, "big.lua");
        var scenario = Path.Combine(dir, "big.yaml");
        var output = Path.Combine(dir, "repro", "min.yaml");
        File.WriteAllText(widget, WidgetFailingAbove40Units);
        File.WriteAllText(scenario, Scenario);

        var exit = CliRunner.Run("shrink", scenario, "--widget", widget, "--out", output);

        Assert.Equal(1, exit);
        var original = ScenarioLoader.Load(scenario);
        var minimal = ScenarioLoader.Load(output);
        Assert.True(
            minimal.Units.PeakBound < original.Units.PeakBound,
            $"peak {minimal.Units.PeakBound} not below {original.Units.PeakBound}");
        Assert.True(minimal.Faults.Count + minimal.Events.Count < original.Faults.Count + original.Events.Count);
        Assert.Equal(Path.GetFullPath(widget), minimal.Widget.Path);

        // The written file alone (no --widget) still fails.
        Assert.Equal(
            1,
            CliRunner.Run("run", output, "--quiet", "--report", Path.Combine(dir, "report"), "--format", "json"));
    }

    [Fact]
    public void Shrink_of_a_passing_scenario_says_so_and_exits_0()
    {
        var dir = CliRunner.TempDir();
        var widget = Path.Combine(dir, "big.lua");
        var scenario = Path.Combine(dir, "small.yaml");
        var output = Path.Combine(dir, "min.yaml");
        File.WriteAllText(widget, WidgetFailingAbove40Units.Replace("> 40", "> 100000", StringComparison.Ordinal));
        File.WriteAllText(
            scenario,
            "name: small\nseed: 1\nduration: 1s\nunits: {initial: 10}\nexpectations:\n  oracle: "
                + "{valid_stream: false}\n");

        Assert.Equal(0, CliRunner.Run("shrink", scenario, "--widget", widget, "--out", output));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Shortening_keeps_every_timed_entry_inside_the_new_duration()
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "s.yaml");
        File.WriteAllText(path, Scenario);
        var s = ScenarioLoader.Load(path);

        var shorter = ShrinkCandidates.Shorten(s, 2);

        Assert.All(shorter.Faults, f => Assert.True(f.AtSeconds < 2 && (f.EndSeconds ?? 0) <= 2));
        Assert.All(shorter.Events, e => Assert.True(e.AtSeconds < 2));
        Assert.All(shorter.Units.Ramps, r => Assert.True(r.AtSeconds + r.OverSeconds <= 2));
        Assert.Empty(shorter.Units.Waves);
        var reloaded = ScenarioLoader.Parse(ScenarioWriter.ToYaml(shorter, dir), path);
        Assert.Equal(2, reloaded.DurationSeconds);
    }
}
