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
}
