using System.Text.RegularExpressions;
using BarHarness.LuaHost.Widgets;
using BarHarness.Scenarios.Probes;

namespace BarHarness.Scenarios.Tests.Running;

/// <summary>
/// The widgets under tests/widgets, written in the manner of BAR's widget categories, each played
/// through one scripted player session (tests/widgets/corpus.yaml): each loads, raises no error, calls
/// no engine function the harness lacks, and receives every call-in it defines.
/// </summary>
public sealed partial class WidgetCorpusTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BarHarness.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    private static string CorpusDir => Path.Combine(RepoRoot(), "tests", "widgets");

    public static TheoryData<string> Widgets()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDir, "*.lua").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void The_corpus_holds_at_least_fifteen_widgets()
    {
        Assert.True(Widgets().Count >= 15);
    }

    [Theory]
    [MemberData(nameof(Widgets))]
    public void Corpus_widget_runs_clean_and_receives_every_call_in_it_defines(string file)
    {
        var widget = Path.Combine(CorpusDir, file);
        var observation = Run(widget);

        Assert.True(observation.LoadResults[0].IsLoaded, observation.LoadResults[0].Message);
        Assert.DoesNotContain(observation.WidgetEvents, e => e.Kind == WidgetEventKind.Error);
        Assert.Empty(observation.UnimplementedCalls);
        Assert.Equal([], NeverReceived(observation));
    }

    [Fact]
    public void A_widget_with_a_call_in_the_session_never_fires_is_caught()
    {
        var mutant = Path.Combine(Path.GetTempPath(), "corpus-mutant-" + Environment.ProcessId + ".lua");
        File.WriteAllText(mutant, """
            function widget:GetInfo() return { name = "mutant", layer = 0, enabled = true } end
            function widget:UnitLoaded(unitID, unitDefID, unitTeam, transportID, transportTeam) end
            """);
        try
        {
            Assert.Equal(["UnitLoaded"], NeverReceived(Run(mutant)));
        }
        finally
        {
            File.Delete(mutant);
        }
    }

    [Fact]
    public void A_widget_reading_a_dying_unit_outside_the_rules_fails_the_corpus_check()
    {
        // A widget asserting that a unit is gone inside UnitDestroyed errors: the check sees it.
        var mutant = Path.Combine(Path.GetTempPath(), "corpus-dying-" + Environment.ProcessId + ".lua");
        File.WriteAllText(mutant, """
            function widget:GetInfo() return { name = "dying", layer = 0, enabled = true } end
            function widget:UnitDestroyed(unitID) assert(Spring.GetUnitPosition(unitID) == nil, "gone") end
            """);
        try
        {
            var observation = Run(mutant);
            Assert.Contains(observation.WidgetEvents, e => e.Kind == WidgetEventKind.Error);
        }
        finally
        {
            File.Delete(mutant);
        }
    }

    private static LifecycleProbe Run(string widget)
    {
        var yaml = File.ReadAllText(Path.Combine(CorpusDir, "corpus.yaml"));
        var scenario = new LoadedScenario("tests/widgets/corpus.yaml", ScenarioLoader.Parse(yaml, "corpus.yaml"));
        var played = Simulation.Play(scenario, new RunOptions { RepoRoot = RepoRoot(), WidgetOverride = widget });
        return played.Probes?.Lifecycle ?? throw new InvalidOperationException(played.Result.Error?.Message);
    }

    /// <summary>The handler notes, when it removes a widget, the call-ins it defines but never received.</summary>
    private static string[] NeverReceived(LifecycleProbe observation)
    {
        var removed = Assert.Single(observation.WidgetEvents, e => e.Kind == WidgetEventKind.Removed);
        var match = NeverReceivedNote().Match(removed.Message);
        return match.Success ? match.Groups[1].Value.Split(", ") : [];
    }

    [GeneratedRegex("never received: (.*)$")]
    private static partial Regex NeverReceivedNote();
}
