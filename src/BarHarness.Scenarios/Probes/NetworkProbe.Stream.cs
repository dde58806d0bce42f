namespace BarHarness.Scenarios.Probes;

/// <summary>The <c>oracle.*</c> verdicts: each names the schema rules whose violations fail it.</summary>
public sealed partial class NetworkProbe
{
    private void JudgeStream(ExpectationSet expectations, ICollection<ExpectationResult> verdicts)
    {
        var o = expectations.Oracle;
        var byKind = Violations.GroupBy(v => v.Kind).ToDictionary(g => g.Key, g => g.ToList());

        string Describe(ViolationKind[] kinds)
        {
            var found = kinds.SelectMany(k => byKind.GetValueOrDefault(k) ?? []).ToList();
            return found.Count == 0
                ? "none"
                : $"{found.Count}: SCHEMA {found[0].RuleId} {found[0].Kind} {found[0].Detail}";
        }

        void Add(string verdict, string expected, string? suffix = null)
        {
            var kinds = OracleVerdicts.Kinds[verdict];
            verdicts.Add(new ExpectationResult(
                verdict, kinds.All(k => !byKind.ContainsKey(k)), expected, Describe(kinds) + suffix));
        }

        var serverUp = serverUpAtStart && !expectations.ExpectWidgetRemoved;
        if (o.ValidStream)
        {
            Add(OracleVerdicts.ValidStream, "every message is valid JSON with the schema's fields, framed intact");
            if (serverUp)
            {
                var messages = OracleStats.Messages;
                verdicts.Add(new ExpectationResult(
                    "oracle.stream_received",
                    messages > 0,
                    "the server receives the widget's stream",
                    $"{messages} messages, {BytesReceivedByServer} bytes",
                    messages > 0 ? null : Timeline.Story));
            }
        }

        var stats = OracleStats;
        var hadTruth = stats.Freshness.Samples > 0 || stats.MessagesWithoutTruth > 0
            || byKind.ContainsKey(ViolationKind.StampOutOfWindow);
        if (o.ValidStream && hadTruth)
        {
            // Judged whenever the oracle had ground truth: SCHEMA §3.3, §7.3 and §7.4 hold for every widget.
            Add(OracleVerdicts.FrameStamps,
                "every message stamped with the frame it was built at, never ahead of the game (SCHEMA §3.3)");
            Add(OracleVerdicts.Coverage,
                "no visible unit absent or stale, and no unseen unit kept, in the client's picture for more "
                + "than 90 frames (SCHEMA §7.3, §7.4)");
        }

        if (o.NoSilentLoss)
        {
            Add(
                OracleVerdicts.NoSilentLoss,
                "no seq gap on a connection, no loss the widget did not declare (SCHEMA §3.4, §3.6); "
                    + "bytes sent = received + lost at disconnects + in flight",
                AccountingLine());
        }

        if (o.Privacy)
        {
            Add(OracleVerdicts.Privacy,
                "nothing the player cannot see: no enemy unit outside LOS, no hidden id, no enemy resources "
                + "(SCHEMA §8.1)");
        }

        if (o.SnapshotAfterReconnect)
        {
            Add(OracleVerdicts.SnapshotAfterReconnect,
                "hello, then a full snapshot, first on every connection and a snapshot after every declared drop "
                + "(SCHEMA §4.1, §4.2, §3.7)");
        }

        if (o.FreshnessFrames is int frames)
        {
            var h = stats.JudgedFreshness;
            var p99 = h.Samples == 0 ? 0 : h.Quantile(0.99);
            var actual = h.Samples == 0 ? "no samples" : $"p99 {p99} frames, max {h.Max} ({h.Samples} samples)";
            if (o.FreshnessScoped)
            {
                var all = stats.Freshness;
                actual += $"; whole run p99 {(all.Samples == 0 ? 0 : all.Quantile(0.99))} frames, max {all.Max} "
                    + $"({all.Samples} samples)";
            }

            verdicts.Add(new ExpectationResult(
                "oracle.freshness",
                h.Samples > 0 && p99 <= frames,
                $"p99 age of exported unit state ≤ {frames} frames{FreshnessScope(o)}",
                actual,
                h.Samples > 0 ? null : Timeline.Story));
        }

        if (o.Accuracy)
        {
            Add(OracleVerdicts.Accuracy,
                "exported values match the engine within the sample window (SCHEMA §7.1, §7.2)");
        }
    }

    // " from 65 s, while at most 1000 units are visible" (the coverage bound, §7.3, holds everywhere).
    private static string FreshnessScope(OracleExpectation o)
    {
        var from = o.FreshnessAfterSeconds > 0
            ? string.Create(CultureInfo.InvariantCulture, $" from {o.FreshnessAfterSeconds:0.##} s")
            : string.Empty;
        var comma = from.Length > 0 ? "," : string.Empty;
        var units = o.FreshnessMaxUnits is int n
            ? string.Create(CultureInfo.InvariantCulture, $"{comma} while at most {n} units are visible")
            : string.Empty;
        return from + units;
    }

    private string AccountingLine() => Accounting is { } a
        ? $"; bytes: handed {a.BytesHandedToSend}, received {BytesReceivedByServer}, "
            + $"lost at reset {a.BytesLostAtReset}, in flight {a.BytesInFlight}"
        : "; bytes: not checked (real network)";
}
