using BarHarness.Cli.Commands;

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
            Assert.Equal(ExitCodes.Passed, CliRunner.Run("run", scenario, "--report", Path.GetDirectoryName(baseline)!, "--quiet"));
            args.Add(baseline);
        }

        Assert.Equal(ExitCodes.BadInput, CliRunner.Run([.. args]));
    }
}
