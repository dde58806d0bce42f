namespace BarHarness.Cli.Tests.BrokenWidgets;

/// <summary>
/// Whatever a widget does, the CLI answers with a verdict: exit 0, 1 or 2, never a crash (exit 3 is a
/// harness bug caught by Program; an escaped exception would end the test host).
/// </summary>
public sealed class NoCrashOnWidgetTextTests
{
    private static readonly int[] Verdicts = [ExitCodes.Passed, ExitCodes.ExpectationFailed, ExitCodes.BadInput];

    public static TheoryData<string> Widgets()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in BrokenWidgetCorpus.All())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Widgets))]
    public void Load_of_a_broken_widget_gives_a_verdict(string name)
    {
        var widget = WidgetFile(name);
        var exit = CliRunner.Run("load", widget, "--frames", "60", "--units", "20");
        Assert.Equal(name == "echo-markup" ? ExitCodes.Passed : ExitCodes.ExpectationFailed, exit);
    }

    [Theory]
    [MemberData(nameof(Widgets))]
    public void Run_of_a_broken_widget_gives_a_verdict(string name)
    {
        var widget = WidgetFile(name);
        var exit = CliRunner.Run(
            "run", Path.Combine(CliRunner.RepoRoot, "scenarios", "load", "minimal.yaml"), "--widget", widget,
            "--max-duration", "2", "--quiet", "--report", CliRunner.TempDir());
        Assert.Contains(exit, Verdicts);
    }

    [Fact]
    public void Every_standard_scenario_loads_and_plays_its_first_second_with_a_verdict()
    {
        var exit = CliRunner.Run(
            "run", Path.Combine(CliRunner.RepoRoot, "scenarios"), "--max-duration", "1", "--parallel", "2", "--quiet",
            "--format", "json", "--report", CliRunner.TempDir());
        Assert.Contains(exit, Verdicts);
    }

    private static string WidgetFile(string name)
    {
        var source = BrokenWidgetCorpus.All().Single(w => w.Name == name).Source;
        return BrokenWidgetCorpus.Write(CliRunner.TempDir(), name, source);
    }
}
