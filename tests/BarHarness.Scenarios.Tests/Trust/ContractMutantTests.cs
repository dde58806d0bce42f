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

        Assert.True(run.Result.Outcome == ScenarioOutcome.Pass, $"{scenario}: {run.Failures()}");
    }

    /// <summary>
    /// Contract mutants caught by a named verdict with the violation (and, where given, the SCHEMA.md rule)
    /// that explains it.
    /// </summary>
    public static TheoryData<string, string, string, ViolationKind, string?> CaughtWithViolation() => new()
    {
        { ContractMutants.RenamesHealthFields.Name, UnicodeNames, "oracle.valid_stream",
            ViolationKind.MissingField, "§6.1" },
        { ContractMutants.DiscardsQueuedMessagesSilently.Name, QueueOverflow, "oracle.no_silent_loss",
            ViolationKind.SilentLoss, null },
        { ContractMutants.ResyncsWithoutSnapshot.Name, QueueOverflow, "oracle.snapshot_after_reconnect",
            ViolationKind.MissingSnapshotAfterDrop, null },
        { ContractMutants.ReusesOldPositions.Name, Minimal, "oracle.accuracy", ViolationKind.InaccurateValue, null },
    };

    [Theory]
    [MemberData(nameof(CaughtWithViolation))]
    public void A_contract_breach_fails_its_verdict_with_the_violation_that_names_it(
        string mutation, string scenario, string expectation, ViolationKind violation, string? rule)
    {
        var run = RunStandard(scenario, [MutantCatalogue.Named(mutation)]);

        Assert.False(run.Expectation(expectation).Passed, run.Describe());
        Assert.Contains(
            run.Probes.Network.Violations, v => v.Kind == violation && (rule is null || v.RuleId == rule));
    }

    [Fact]
    public void A_widget_that_keeps_its_overload_rate_after_the_load_falls_fails_freshness_where_the_clean_one_passes()
    {
        // The scenario judges 3-frame freshness from 5 s after its load falls (freshness_after_s): the clean widget
        // restores its rate by then, the mutant reads every unit a quarter as often for the rest of the game.
        const string Overload = "resources/cpu-budget-exceeded.yaml";
        var clean = RunStandard(Overload, []);
        var mutant = RunStandard(Overload, [ContractMutants.NeverRestoresItsRate]);

        Assert.True(clean.Expectation("oracle.freshness").Passed, clean.Describe());
        Assert.False(mutant.Expectation("oracle.freshness").Passed, mutant.Describe());
        Assert.True(mutant.Expectation("oracle.coverage").Passed, "the mutant stays within §7.3's 90 frames");
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

    private static TrustRun RunStandard(string scenario, Mutation[] mutations)
    {
        var path = Path.Combine(RepositoryFiles.Scenarios, scenario);
        using var widget = MutantWidget.Create(mutations);
        return TrustRun.Execute(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path), widget.MainFile);
    }
}
