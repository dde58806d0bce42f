using BarHarness.Reports.SummaryJson;

namespace BarHarness.Cli.Tests;

public sealed class RunCommandTests
{
    [Theory]
    [InlineData("--calibrate")]
    [InlineData("--baseline")]
    public void Uninstrumented_runs_refuse_what_needs_the_deterministic_cost(string option)
    {
        var scenario = Path.Combine(CliRunner.TempDir(), "tiny.yaml");
        File.WriteAllText(scenario, "name: tiny\nseed: 1\nduration: 1s\nunits: {initial: 5}\n");
        var args = new List<string> { "run", scenario, "--uninstrumented", "--report", CliRunner.TempDir(), option };
        if (option == "--baseline")
        {
            var baseline = Path.Combine(CliRunner.TempDir(), "summary.json");
            Assert.Equal(
                ExitCodes.Passed,
                CliRunner.Run("run", scenario, "--report", Path.GetDirectoryName(baseline)!, "--quiet"));
            args.Add(baseline);
        }

        Assert.Equal(ExitCodes.BadInput, CliRunner.Run([.. args]));
    }

    [Fact]
    public void Calibrate_writes_the_fit_beside_the_report_and_leaves_the_coefficients_that_priced_it()
    {
        var scenario = Path.Combine(CliRunner.TempDir(), "tiny.yaml");
        File.WriteAllText(scenario, "name: tiny\nseed: 1\nduration: 3s\nunits: {initial: 20}\n");
        var calibrated = CliRunner.TempDir();
        var plain = CliRunner.TempDir();
        var (_, output) = CliRunner.RunCapturing("run", scenario, "--calibrate", "--report", calibrated, "--quiet");
        CliRunner.Run("run", scenario, "--report", plain, "--quiet");

        Assert.Matches(@"CPU time fitted on \d+ points: [\d.]+ ns an instruction \+ [\d.]+ ns an engine call; "
            + @"Spring.GetTimer's lua5[14] prices are", output);
        Assert.Matches(@"an instruction costs [\d.]+ ns by the fit and [\d.]+ ns by the timer", output);
        Assert.True(File.Exists(Path.Combine(calibrated, "cost-model-fitted.json")));
        var withFit = SummaryJsonReader.ReadFile(Path.Combine(calibrated, "summary.json")).CostModel!;
        var without = SummaryJsonReader.ReadFile(Path.Combine(plain, "summary.json")).CostModel!;
        Assert.Equal(without.PerInstruction, withFit.PerInstruction);
        Assert.Equal(without.CalibratedOn, withFit.CalibratedOn);
    }

    [Fact]
    public void A_cpu_timer_runs_reproduce_line_replays_its_readings_into_the_same_stream()
    {
        var scenario = Path.Combine(CliRunner.TempDir(), "traced.yaml");
        File.WriteAllText(scenario, "name: traced\nseed: 3\nduration: 6s\nunits: {initial: 40}\n");
        var first = CliRunner.TempDir();
        var again = CliRunner.TempDir();
        CliRunner.Run("run", scenario, "--report", first, "--quiet");
        var recorded = SummaryJsonReader.ReadFile(Path.Combine(first, "summary.json")).Scenarios.Single();
        var trace = Path.Combine(first, "timer-traces", "traced.timer.gz");

        Assert.True(File.Exists(trace));
        Assert.Contains("--timer-trace " + trace, recorded.ReproduceCommand, StringComparison.Ordinal);
        CliRunner.Run("run", scenario, "--report", again, "--quiet", "--timer-trace", trace);
        var replayed = SummaryJsonReader.ReadFile(Path.Combine(again, "summary.json")).Scenarios.Single();
        Assert.Equal("cpu replayed", replayed.Budget.Timer);
        Assert.Equal(0, replayed.Budget.TimerReadingsBeyondReplay);
        Assert.Equal(recorded.Network.TimedStreamSha256, replayed.Network.TimedStreamSha256);
        Assert.False(File.Exists(Path.Combine(again, "timer-traces", "traced.timer.gz")));
    }

    [Fact]
    public void A_timer_trace_replays_one_scenario_only()
    {
        var folder = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(folder, "a.yaml"), "name: a\nduration: 1s\n");
        File.WriteAllText(Path.Combine(folder, "b.yaml"), "name: b\nduration: 1s\n");
        var trace = Path.Combine(folder, "a.timer.gz");
        File.WriteAllText(trace, "x");

        Assert.Equal(ExitCodes.BadInput, CliRunner.Run("run", folder, "--timer-trace", trace, "--quiet"));
    }
}
