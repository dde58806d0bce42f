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

        Assert.True(run.Result.Outcome == ScenarioOutcome.Pass, $"{name}: {run.Failures()}");
        // StaleUnit is only a verdict when a scenario sets freshness_frames; a throttled link makes units
        // stale legitimately.
        Assert.True(
            run.Probes.Network.Violations.All(v => v.Kind == ViolationKind.StaleUnit), $"{name}: {run.Describe()}");
    }

    public static TheoryData<string> MutationNames() =>
        new(MutantCatalogue.All.Concat(ContractMutants.All).Select(m => m.Name));

    [Theory]
    [MemberData(nameof(MutationNames))]
    public void Every_mutation_matches_the_current_widget_exactly_once(string name)
    {
        // Create throws when the text is missing or ambiguous.
        using var widget = MutantWidget.Create(MutantCatalogue.Named(name));
        Assert.True(File.Exists(widget.MainFile));
    }

    /// <summary>Mutants caught by a named verdict together with the oracle violation that explains it.</summary>
    public static TheoryData<string, string, string, ViolationKind> CaughtWithViolation() => new()
    {
        { MutantCatalogue.ForgetsSnapshotAfterReconnect.Name, "reconnect", "oracle.snapshot_after_reconnect",
            ViolationKind.MissingSnapshotAfterReconnect },
        { MutantCatalogue.DropsMessageUndeclared.Name, "healthy", "oracle.no_silent_loss",
            ViolationKind.UndeclaredSeqGap },
        { MutantCatalogue.LeaksInvisibleEnemy.Name, "healthy", "oracle.privacy", ViolationKind.PrivacyLeak },
        { MutantCatalogue.ResumesPartialSendAtWrongByte.Name, "partial-send", "oracle.valid_stream",
            ViolationKind.InvalidJson },
        { MutantCatalogue.SwapsHealthReturns.Name, "healthy", "oracle.accuracy", ViolationKind.InaccurateValue },
    };

    [Theory]
    [MemberData(nameof(CaughtWithViolation))]
    public void A_stream_defect_fails_its_verdict_with_the_violation_that_names_it(
        string mutation, string scenario, string expectation, ViolationKind violation)
    {
        var run = RunMutant(MutantCatalogue.Named(mutation), MutantScenarios.Named(scenario));

        Assert.False(run.Expectation(expectation).Passed, run.Failures());
        Assert.Contains(run.Probes.Network.Violations, v => v.Kind == violation);
    }

    /// <summary>Mutants whose verdict is the whole story: a budget or a console rate, no stream violation.</summary>
    public static TheoryData<string, string> CaughtByVerdict() => new()
    {
        { MutantCatalogue.BusyLoopsUnderLoad.Name, "budget.p99" },
        { MutantCatalogue.SpamsConsole.Name, "console_spam" },
    };

    [Theory]
    [MemberData(nameof(CaughtByVerdict))]
    public void A_costly_or_noisy_widget_fails_its_verdict_on_the_healthy_scenario(
        string mutation, string expectation)
    {
        var run = RunMutant(MutantCatalogue.Named(mutation), MutantScenarios.Healthy);

        Assert.False(run.Expectation(expectation).Passed, run.Describe());
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
    public void Table_kept_every_frame_is_caught_as_memory_growth()
    {
        var run = RunMutant(MutantCatalogue.LeaksTablePerFrame, MutantScenarios.Memory);

        Assert.False(run.Expectation("memory.growth").Passed, run.Failures());
        Assert.Equal(LeakVerdict.Growth, run.Result.Leak.Verdict);
        var culprit = run.Result.Leak.Retained[0];
        Assert.EndsWith(".mutantHoard", culprit.ReachableFrom, StringComparison.Ordinal);
        Assert.True(culprit.GrowthBytes > 500 * 256 * 16, $"{culprit.ReachableFrom} grew {culprit.GrowthBytes} bytes");
        // The function that makes the tables is among the top allocation sites of the sampled profile (beside
        // the tracker's hot function, which formats every unit's JSON).
        var sites = run.Result.Profile.OrderByDescending(p => p.AllocBytes).Take(3).Select(p => p.Function).ToList();
        Assert.Contains(sites, f => f.Contains("export_livedata.lua", StringComparison.Ordinal));
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

    private static TrustRun RunMutant(Mutation mutation, string yaml)
    {
        using var widget = MutantWidget.Create(mutation);
        var name = "mutant-" + mutation.Name;
        var run = TrustRun.Execute(
            yaml, name, widget.MainFile, heapSampleSeconds: MutantScenarios.HeapSampleSeconds(yaml));
        Assert.True(
            run.Result.Outcome == ScenarioOutcome.Fail,
            $"{mutation.Name} was not caught: {run.Describe()}");
        return run;
    }
}
