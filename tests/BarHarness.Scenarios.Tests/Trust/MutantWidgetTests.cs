using BarHarness.LuaHost.Widgets;
using BarHarness.TestServer.Oracle;

namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>
/// Proof that each check can fail: a widget with one deliberate defect must be caught with the
/// specific verdict that names the defect, while the clean widget passes the same scenario.
/// </summary>
public sealed class MutantWidgetTests
{
    [Theory]
    [MemberData(nameof(MutantScenarios.All), MemberType = typeof(MutantScenarios))]
    public void Clean_widget_copy_passes_every_mutant_scenario(string name, string yaml)
    {
        using var widget = MutantWidget.Clean();
        var run = TrustRun.Execute(
            yaml, name, widget.MainFile, heapSampleSeconds: MutantScenarios.HeapSampleSeconds(yaml));

        Assert.True(run.Result.Outcome == Reports.Model.ScenarioOutcome.Pass, $"{name}: {run.Failures()}");
        // StaleUnit is only a verdict when a scenario sets freshness_frames; a throttled link makes units
        // stale legitimately.
        Assert.True(
            run.Probes.Network.Violations.All(v => v.Kind == ViolationKind.StaleUnit), $"{name}: {run.Describe()}");
    }

    [Fact]
    public void Every_mutation_matches_the_current_widget_exactly_once()
    {
        foreach (var mutation in MutantCatalogue.All)
        {
            using var widget = MutantWidget.Create(mutation); // throws when the text is missing or ambiguous
            Assert.True(File.Exists(widget.MainFile));
        }
    }

    [Fact]
    public void Blocking_connect_is_caught_as_a_blocking_call_record()
    {
        var run = RunMutant(MutantCatalogue.BlocksOnConnect, MutantScenarios.Healthy);

        Assert.False(run.Expectation("no_blocking_calls").Passed, run.Failures());
        Assert.Contains(
            run.Probes.Network.BlockingCalls, c => c.Function.Contains("connect", StringComparison.Ordinal));
    }

    [Fact]
    public void Forgotten_snapshot_after_reconnect_is_caught_by_the_oracle()
    {
        var run = RunMutant(MutantCatalogue.ForgetsSnapshotAfterReconnect, MutantScenarios.Reconnect);

        Assert.False(run.Expectation("oracle.snapshot_after_reconnect").Passed, run.Failures());
        Assert.Contains(run.Probes.Network.Violations, v => v.Kind == ViolationKind.MissingSnapshotAfterReconnect);
    }

    [Fact]
    public void Undeclared_dropped_message_is_caught_as_a_sequence_gap()
    {
        var run = RunMutant(MutantCatalogue.DropsMessageUndeclared, MutantScenarios.Healthy);

        Assert.False(run.Expectation("oracle.no_silent_loss").Passed, run.Failures());
        Assert.Contains(run.Probes.Network.Violations, v => v.Kind == ViolationKind.UndeclaredSeqGap);
    }

    [Fact]
    public void Enemy_exported_without_LOS_check_is_caught_as_a_privacy_leak()
    {
        var run = RunMutant(MutantCatalogue.LeaksInvisibleEnemy, MutantScenarios.Healthy);

        Assert.False(run.Expectation("oracle.privacy").Passed, run.Failures());
        Assert.Contains(run.Probes.Network.Violations, v => v.Kind == ViolationKind.PrivacyLeak);
    }

    [Fact]
    public void Table_kept_every_frame_is_caught_as_memory_growth()
    {
        var run = RunMutant(MutantCatalogue.LeaksTablePerFrame, MutantScenarios.Memory);

        Assert.False(run.Expectation("memory.growth").Passed, run.Failures());
        Assert.Equal(Reports.Model.LeakVerdict.Growth, run.Result.Leak.Verdict);
        var culprit = run.Result.Leak.Retained[0];
        Assert.EndsWith(".mutantHoard", culprit.ReachableFrom, StringComparison.Ordinal);
        Assert.True(culprit.GrowthBytes > 500 * 256 * 16, $"{culprit.ReachableFrom} grew {culprit.GrowthBytes} bytes");
        // The function that makes the tables is the top allocation site in the sampled profile.
        var site = run.Result.Profile.MaxBy(p => p.AllocBytes)!;
        Assert.Contains("export_livedata.lua", site.Function, StringComparison.Ordinal);
    }

    [Fact]
    public void Quadratic_loop_under_load_is_caught_by_the_frame_budget()
    {
        var run = RunMutant(MutantCatalogue.BusyLoopsUnderLoad, MutantScenarios.Healthy);

        Assert.False(run.Expectation("budget.p99").Passed, run.Describe());
    }

    [Fact]
    public void Echo_every_frame_is_caught_as_console_spam()
    {
        var run = RunMutant(MutantCatalogue.SpamsConsole, MutantScenarios.Healthy);

        Assert.False(run.Expectation("console_spam").Passed, run.Failures());
    }

    [Fact]
    public void Percent_q_escaping_is_caught_as_a_percent_q_escape()
    {
        var run = RunMutant(MutantCatalogue.EscapesWithPercentQ, MutantScenarios.Unicode);

        Assert.False(run.Expectation("oracle.valid_stream").Passed, run.Failures());
        if (BarHarness.LuaHost.Interop.LuaApi.IsLua51)
        {
            // Real Lua 5.1's %q leaves a tab raw (5.4 writes \9): in BAR the stream is plain invalid JSON.
            Assert.Contains(
                run.Probes.Network.Violations,
                v => v.Kind == ViolationKind.InvalidJson && v.Detail.Contains("0x09", StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains(run.Probes.Network.Violations, v => v.Kind == ViolationKind.PercentQEscape);
        }
    }

    [Fact]
    public void Partial_send_resumed_at_the_wrong_byte_is_caught_as_a_broken_stream()
    {
        var run = RunMutant(MutantCatalogue.ResumesPartialSendAtWrongByte, MutantScenarios.PartialSend);

        Assert.False(run.Expectation("oracle.valid_stream").Passed, run.Failures());
        Assert.Contains(run.Probes.Network.Violations, v => v.Kind == ViolationKind.InvalidJson);
    }

    [Fact]
    public void Swapped_health_returns_are_caught_as_inaccurate_values()
    {
        var run = RunMutant(MutantCatalogue.SwapsHealthReturns, MutantScenarios.Healthy);

        Assert.False(run.Expectation("oracle.accuracy").Passed, run.Failures());
        Assert.Contains(run.Probes.Network.Violations, v => v.Kind == ViolationKind.InaccurateValue);
    }

    private static TrustRun RunMutant(Mutation mutation, string yaml)
    {
        using var widget = MutantWidget.Create(mutation);
        var name = "mutant-" + mutation.Name;
        var run = TrustRun.Execute(
            yaml, name, widget.MainFile, heapSampleSeconds: MutantScenarios.HeapSampleSeconds(yaml));
        Assert.True(
            run.Result.Outcome == Reports.Model.ScenarioOutcome.Fail,
            $"{mutation.Name} was not caught: {run.Describe()}");
        return run;
    }
}
