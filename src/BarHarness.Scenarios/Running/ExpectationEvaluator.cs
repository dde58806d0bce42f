using System.Globalization;
using BarHarness.LuaHost.Widgets;
using BarHarness.Reports.Model;
using BarHarness.Scenarios.Definition;
using BarHarness.TestServer.Oracle;

namespace BarHarness.Scenarios.Running;

/// <summary>
/// Turns a scenario's expectations and what the run observed into verdicts, one per expectation.
/// Budget limits are checked against the widget's thread CPU time (C-library work and GC steps count,
/// preemption does not, the harness's instruments are taken out); real time, the deterministic cost
/// and the run's contention are printed beside it in every verdict.
/// </summary>
internal static class ExpectationEvaluator
{
    private static readonly ViolationKind[] InvalidStream = OracleVerdicts.Kinds[OracleVerdicts.ValidStream];

    private static readonly ViolationKind[] SilentLoss = OracleVerdicts.Kinds[OracleVerdicts.NoSilentLoss];

    private static readonly ViolationKind[] SnapshotFirst = OracleVerdicts.Kinds[OracleVerdicts.SnapshotAfterReconnect];

    private static readonly ViolationKind[] Coverage = OracleVerdicts.Kinds[OracleVerdicts.Coverage];

    private static readonly ViolationKind[] Inaccurate = OracleVerdicts.Kinds[OracleVerdicts.Accuracy];

    /// <param name="widgetStreams">
    /// False for a widget that never made a socket: the checks that need a stream (stream received,
    /// freshness, reconnect) are not applied.
    /// </param>
    public static IReadOnlyList<ExpectationResult> Evaluate(ScenarioDefinition def, RunObservation run, BudgetReport budget, LeakReport leak, bool widgetStreams = true)
    {
        var x = def.Expectations;
        var results = new List<ExpectationResult>();
        var errors = run.WidgetEvents.Where(e => e.Kind == WidgetEventKind.Error).ToList();
        var expectedErrors = x.ExpectErrors;

        var loaded = run.LoadResults.FirstOrDefault();
        if (!x.ExpectWidgetRemoved)
        {
            results.Add(new ExpectationResult(
                "widget loads",
                loaded?.IsLoaded == true,
                "the widget loads and initialises",
                loaded is null ? "never loaded" : loaded.Describe()));
        }

        Budget(x.Budget, budget.Judged, run.Uninstrumented, results);

        if (x.Memory is { } memory)
        {
            var allowed = memory.MaxGrowthKbPerMinute * 1024;
            var slope = leak.Slope;
            var passed = leak.Verdict != LeakVerdict.Growth && (slope is null || slope.Low95 <= allowed);
            results.Add(new ExpectationResult(
                "memory.growth",
                passed,
                $"heap after collection grows ≤ {memory.MaxGrowthKbPerMinute} KiB per game minute",
                slope is null ? $"no slope ({run.Heap.Count} heap samples)" : $"{slope.BytesPerMinute / 1024:0.##} KiB/min (95% CI {slope.Low95 / 1024:0.##}..{slope.High95 / 1024:0.##}); verdict {leak.Verdict}",
                leak.VerdictReason));
        }

        if (x.NoLuaErrors && !x.ExpectWidgetRemoved)
        {
            var unexpected = errors.Where(e => !expectedErrors.Any(s => e.Message.Contains(s, StringComparison.Ordinal))).ToList();
            results.Add(new ExpectationResult(
                "no_lua_errors",
                unexpected.Count == 0,
                "no Lua error in any call-in",
                unexpected.Count == 0 ? "none" : $"{unexpected.Count}: first in {unexpected[0].CallIn} at frame {unexpected[0].Frame}: {unexpected[0].Message}",
                unexpected.FirstOrDefault()?.Traceback));
        }

        if (x.NoBlockingCalls)
        {
            var first = run.BlockingCalls.FirstOrDefault();
            results.Add(new ExpectationResult(
                "no_blocking_calls",
                run.BlockingCallCount == 0,
                "no socket call with a timeout other than 0 and no socket.sleep (each freezes BAR)",
                first is null
                    ? "none"
                    : $"{run.BlockingCallCount}: first {first.Function} (timeout "
                        + $"{first.TimeoutSeconds?.ToString(CultureInfo.InvariantCulture) ?? "nil"})",
                first?.Traceback));
        }

        if (x.ReconnectWithinSeconds is double bound && widgetStreams)
        {
            var unresolved = run.ReconnectUnresolvedSince is double since && run.DurationSeconds - since > bound;
            results.Add(new ExpectationResult(
                "reconnect_within",
                run.MaxReconnectDelaySeconds <= bound && !unresolved && run.ConnectionsAccepted > 0,
                $"reconnects within {bound} s after the server is back",
                unresolved ? $"server back at {run.ReconnectUnresolvedSince:0.#} s, never reconnected" : $"{run.Reconnects} reconnects, slowest {run.MaxReconnectDelaySeconds:0.##} s ({run.ConnectionsAccepted} connections)"));
        }

        if (widgetStreams)
        {
            Oracle(def, run, results); // a widget that never streams has no stream to judge
        }

        if (x.MaxConsoleLinesPerMinute is double perMinute)
        {
            var worst = run.ConsoleLines.GroupBy(l => l.Frame / 1800).Select(g => g.Count()).DefaultIfEmpty(0).Max();
            results.Add(new ExpectationResult(
                "console_spam",
                worst <= perMinute,
                $"≤ {perMinute} console lines per game minute",
                $"{worst} in the worst minute ({run.ConsoleLineCount} in all)"));
        }

        if (x.ExpectWidgetRemoved)
        {
            results.Add(new ExpectationResult(
                "widget_removed",
                !run.LoadedAtEnd,
                "BAR would remove the widget (or refuse to load it)",
                run.LoadedAtEnd ? "still loaded at the end" : (loaded?.IsLoaded == true ? "removed during the run" : loaded?.Describe() ?? "not loaded")));
        }

        foreach (var expected in expectedErrors)
        {
            // an error, a load failure or a console message (widgets report bad config as warnings)
            var seen = errors.Any(e => e.Message.Contains(expected, StringComparison.Ordinal))
                || run.LoadResults.Any(r => (r.Message ?? string.Empty).Contains(expected, StringComparison.Ordinal))
                || run.ConsoleLines.Any(l => l.Text.Contains(expected, StringComparison.Ordinal));
            results.Add(new ExpectationResult($"expect_error: {expected}", seen, $"an error or console message containing \"{expected}\"", seen ? "seen" : "not seen"));
        }

        if (run.OpenSocketsAfterShutdown.Count > 0 || run.ActionsAfterShutdown.Count > 0)
        {
            results.Add(new ExpectationResult(
                "clean_shutdown",
                false,
                "no socket or action left after Shutdown",
                $"sockets: [{string.Join(", ", run.OpenSocketsAfterShutdown)}], actions: [{string.Join(", ", run.ActionsAfterShutdown)}]"));
        }

        return results;
    }

    private static void Oracle(ScenarioDefinition def, RunObservation run, List<ExpectationResult> results)
    {
        var o = def.Expectations.Oracle;
        var byKind = run.Violations.GroupBy(v => v.Kind).ToDictionary(g => g.Key, g => g.ToList());
        static string AccountingLine(RunObservation run) => run.Accounting is { } a
            ? $"; bytes: handed {a.BytesHandedToSend}, received {run.BytesReceivedByServer}, "
                + $"lost at reset {a.BytesLostAtReset}, in flight {a.BytesInFlight}"
            : "; bytes: not checked (real network)";

        string Describe(params ViolationKind[] kinds)
        {
            var found = kinds.SelectMany(k => byKind.GetValueOrDefault(k) ?? []).ToList();
            return found.Count == 0 ? "none" : $"{found.Count}: SCHEMA {found[0].RuleId} {found[0].Kind} {found[0].Detail}";
        }

        bool None(params ViolationKind[] kinds) => kinds.All(k => !byKind.ContainsKey(k));

        var serverUp = def.Network.ServerUpAtStart && !def.Expectations.ExpectWidgetRemoved;
        if (o.ValidStream)
        {
            results.Add(new ExpectationResult("oracle.valid_stream", None(InvalidStream), "every message is valid JSON with the schema's fields, framed intact", Describe(InvalidStream)));
            if (serverUp)
            {
                var messages = run.OracleStats?.Messages ?? 0;
                results.Add(new ExpectationResult(
                    "oracle.stream_received",
                    messages > 0,
                    "the server receives the widget's stream",
                    $"{messages} messages, {run.BytesReceivedByServer} bytes",
                    messages > 0 ? null : run.NetworkTimeline.Story));
            }
        }

        if (o.ValidStream && run.OracleStats is { } stats && (stats.Freshness.Samples > 0 || stats.MessagesWithoutTruth > 0 || byKind.ContainsKey(ViolationKind.StampOutOfWindow)))
        {
            // Judged whenever the oracle had ground truth: SCHEMA §3.3, §7.3 and §7.4 hold for every widget.
            results.Add(new ExpectationResult("oracle.frame_stamps", None(ViolationKind.StampOutOfWindow), "every message stamped with the frame it was built at, never ahead of the game (SCHEMA §3.3)", Describe(ViolationKind.StampOutOfWindow)));
            results.Add(new ExpectationResult("oracle.coverage", None(Coverage), "no visible unit absent or stale, and no unseen unit kept, in the client's picture for more than 90 frames (SCHEMA §7.3, §7.4)", Describe(Coverage)));
        }

        if (o.NoSilentLoss)
        {
            results.Add(new ExpectationResult("oracle.no_silent_loss", None(SilentLoss), "no seq gap on a connection, no loss the widget did not declare (SCHEMA §3.4, §3.6); bytes sent = received + lost at disconnects + in flight", Describe(SilentLoss) + AccountingLine(run)));
        }

        if (o.Privacy)
        {
            results.Add(new ExpectationResult("oracle.privacy", None(ViolationKind.PrivacyLeak), "nothing the player cannot see: no enemy unit outside LOS, no hidden id, no enemy resources (SCHEMA §8.1)", Describe(ViolationKind.PrivacyLeak)));
        }

        if (o.SnapshotAfterReconnect)
        {
            results.Add(new ExpectationResult("oracle.snapshot_after_reconnect", None(SnapshotFirst), "hello, then a full snapshot, first on every connection and a snapshot after every declared drop (SCHEMA §4.1, §4.2, §3.7)", Describe(SnapshotFirst)));
        }

        if (o.FreshnessFrames is int frames)
        {
            var h = run.OracleStats?.Freshness;
            var p99 = h is null || h.Samples == 0 ? 0 : h.Quantile(0.99);
            results.Add(new ExpectationResult("oracle.freshness", h is { Samples: > 0 } && p99 <= frames, $"p99 age of exported unit state ≤ {frames} frames", h is null || h.Samples == 0 ? "no samples" : $"p99 {p99} frames, max {h.Max} ({h.Samples} samples)",
                h is { Samples: > 0 } ? null : run.NetworkTimeline.Story));
        }

        if (o.Accuracy)
        {
            results.Add(new ExpectationResult("oracle.accuracy", None(Inaccurate), "exported values match the engine within the sample window (SCHEMA §7.1, §7.2)", Describe(Inaccurate)));
        }
    }

    // Every budget.* expectation judges the widget's CPU time over the judged frames, the figures the
    // report prints under budget.judged. Real time (which includes waiting for a core), the run's
    // contention and the deterministic cost (blind to C-library work) are printed beside it.
    private static void Budget(BudgetExpectation budget, JudgedFrames judged, bool uninstrumented, List<ExpectationResult> results)
    {
        var cpu = judged.FrameCpuMicros;
        var reals = judged.FrameRealMicros;
        var costs = judged.FrameCost;

        // "1.40 ms CPU time (real 3.02 ms, contention 1.90x; deterministic cost 1.20 ms)"
        string Judged(string value, Func<Distribution, double> figure)
        {
            var cost = uninstrumented ? "no deterministic cost, uninstrumented run" : $"deterministic cost {Ms(figure(costs) / 1000)} ms";
            return $"{value} CPU time (real {Ms(figure(reals) / 1000)} ms, contention {judged.Contention:0.00}x; {cost})";
        }

        if (budget.P99Ms is double p99)
        {
            var value = cpu.P99 / 1000;
            results.Add(new ExpectationResult(
                "budget.p99",
                value <= p99,
                $"p99 ≤ {p99} ms of CPU time per frame after {budget.AfterSeconds} s",
                Judged($"{Ms(value)} ms", d => d.P99)));
        }

        if (budget.MaxMs is double max)
        {
            var value = cpu.Max / 1000;
            results.Add(new ExpectationResult(
                "budget.max",
                value <= max,
                $"max ≤ {max} ms of CPU time per frame after {budget.AfterSeconds} s",
                Judged($"{Ms(value)} ms", d => d.Max)));
        }

        if (budget.MaxOverBudgetShare is double share)
        {
            var over = judged.OverBudgetCpu.Share;
            results.Add(new ExpectationResult(
                "budget.over_budget_share",
                over <= share,
                $"≤ {share:P2} of frames over {budget.BudgetMs} ms of CPU time",
                $"{over:P2} by CPU time (real time {judged.OverBudgetReal.Share:P2}, contention {judged.Contention:0.00}x"
                + (uninstrumented ? ")" : $"; deterministic cost {judged.OverBudgetCost.Share:P2})")));
        }
    }

    private static string Ms(double ms) => ms.ToString("0.###", CultureInfo.InvariantCulture);
}
