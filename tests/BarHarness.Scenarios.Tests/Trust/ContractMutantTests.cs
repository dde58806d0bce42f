using BarHarness.Scenarios.Tests.Definition;
using BarHarness.TestServer.Oracle;

namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>
/// Exporters that break the stream's contract (widget/SCHEMA.md) in the ways a strict oracle must see,
/// each caught by a standard scenario from scenarios/ with the verdict that names its defect, while the
/// clean widget passes the same scenarios.
/// </summary>
public sealed class ContractMutantTests
{
    private const string UnicodeNames = "data/unicode-names.yaml";
    private const string Minimal = "load/minimal.yaml";
    private const string QueueOverflow = "resources/queue-overflow.yaml";

    public static TheoryData<string> Scenarios() => new(UnicodeNames, Minimal, QueueOverflow);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_clean_widget_passes_the_scenarios_the_contract_mutants_fail(string scenario)
    {
        var run = RunStandard(scenario, []);

        Assert.True(run.Result.Outcome == Reports.Model.ScenarioOutcome.Pass, $"{scenario}: {run.Failures()}");
    }

    [Fact]
    public void Renamed_health_fields_fail_the_valid_stream_verdict_naming_the_unit_rule()
    {
        var run = RunStandard(UnicodeNames, [ContractMutants.RenamesHealthFields]);

        Assert.False(run.Expectation("oracle.valid_stream").Passed, run.Describe());
        Assert.Contains(
            run.Probes.Network.Violations, v => v.Kind == ViolationKind.MissingField && v.RuleId == "§6.1");
    }

    [Fact]
    public void A_widget_that_stops_exporting_but_keeps_heartbeating_fails_coverage()
    {
        var run = RunStandard(Minimal, [ContractMutants.StopsExportingAfterThreeSeconds]);

        Assert.False(run.Expectation("oracle.coverage").Passed, run.Describe());
        Assert.Contains(
            run.Probes.Network.Violations, v => v.Kind is ViolationKind.StaleUnit or ViolationKind.GhostUnit);
    }

    [Fact]
    public void Old_frame_stamps_that_would_hide_a_leak_fail_the_valid_stream_verdict()
    {
        var run = RunStandard(Minimal, [ContractMutants.StampsOldFrames, MutantCatalogue.LeaksInvisibleEnemy]);

        Assert.False(run.Expectation("oracle.valid_stream").Passed, run.Describe());
        Assert.Contains(run.Probes.Network.Violations, v => v.Kind == ViolationKind.FrameRegression);
        Assert.Contains(run.Probes.Network.Violations, v => v.RuleId == "§6.3");
    }

    [Fact]
    public void A_queue_that_discards_without_declaring_fails_no_silent_loss()
    {
        var run = RunStandard(QueueOverflow, [ContractMutants.DiscardsQueuedMessagesSilently]);

        Assert.False(run.Expectation("oracle.no_silent_loss").Passed, run.Describe());
        Assert.Contains(run.Probes.Network.Violations, v => v.Kind == ViolationKind.SilentLoss);
    }

    [Fact]
    public void A_resync_with_deltas_instead_of_a_snapshot_fails_the_snapshot_verdict()
    {
        var run = RunStandard(QueueOverflow, [ContractMutants.ResyncsWithoutSnapshot]);

        Assert.False(run.Expectation("oracle.snapshot_after_reconnect").Passed, run.Describe());
        Assert.Contains(run.Probes.Network.Violations, v => v.Kind == ViolationKind.MissingSnapshotAfterDrop);
    }

    [Fact]
    public void Stale_positions_under_current_stamps_fail_accuracy()
    {
        var run = RunStandard(Minimal, [ContractMutants.ReusesOldPositions]);

        Assert.False(run.Expectation("oracle.accuracy").Passed, run.Describe());
        Assert.Contains(run.Probes.Network.Violations, v => v.Kind == ViolationKind.InaccurateValue);
    }

    [Fact]
    public void Every_contract_mutation_matches_the_current_widget_exactly_once()
    {
        foreach (var mutation in ContractMutants.All)
        {
            using var widget = MutantWidget.Create(mutation);
            Assert.True(File.Exists(widget.MainFile));
        }
    }

    private static TrustRun RunStandard(string scenario, Mutation[] mutations)
    {
        var path = Path.Combine(RepositoryFiles.Scenarios, scenario);
        using var widget = MutantWidget.Create(mutations.FirstOrDefault());
        foreach (var more in mutations.Skip(1))
        {
            var target = Path.Combine(widget.Folder, more.File);
            var text = File.ReadAllText(target);
            Assert.Equal(1, MutantWidget.Occurrences(text, more.Find));
            File.WriteAllText(target, text.Replace(more.Find, more.Replace, StringComparison.Ordinal));
        }

        return TrustRun.Execute(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path), widget.MainFile);
    }
}
