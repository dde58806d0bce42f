namespace BarHarness.Reports.Merging;

/// <summary>
/// Merges shard summaries (<c>barharness merge-reports</c>) into one run. Refuses, with the offending
/// file named: a scenario appearing in two shards, shards priced with different cost models or
/// made by different harness versions, and — when shards carry their <c>i/n</c> label — a missing
/// or repeated shard. Scenarios come out ordered by name so the merged file does not depend on
/// the order shards finished in.
/// </summary>
public static class ReportMerger
{
    public static RunReport Merge(IReadOnlyList<ShardSummary> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new HarnessInputException(null, "no shard summaries to merge", "at least one summary.json");
        }

        var first = shards[0];
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            CheckCompatible(first, shard);
            foreach (var scenario in shard.Report.Scenarios)
            {
                if (!owner.TryAdd(scenario.Name, shard.Source))
                {
                    throw new HarnessInputException(
                        new SourceLocation(shard.Source, 1),
                        $"scenario '{scenario.Name}' is already in {owner[scenario.Name]}",
                        "each scenario in exactly one shard");
                }
            }
        }

        CheckShardLabels(shards);
        var reports = shards.Select(s => s.Report).ToArray();
        return first.Report with
        {
            StartedAt = reports.Select(r => r.StartedAt).Min(StringComparer.Ordinal)!,
            FinishedAt = reports.Select(r => r.FinishedAt).Where(f => f is not null).Max(StringComparer.Ordinal),

            // Shards run side by side, so the merged run took as long as its slowest shard.
            WallSeconds = reports.Any(r => r.WallSeconds is not null) ? reports.Max(r => r.WallSeconds ?? 0) : null,
            Seeds = reports.SelectMany(r => r.Seeds).Distinct().ToArray(),
            Shard = null,
            Scenarios = reports.SelectMany(r => r.Scenarios).OrderBy(s => s.Name, StringComparer.Ordinal).ToArray(),
        };
    }

    private static void CheckCompatible(ShardSummary first, ShardSummary shard)
    {
        if (shard.Report.ToolVersion != first.Report.ToolVersion)
        {
            throw new HarnessInputException(
                new SourceLocation(shard.Source, 1),
                $"made by harness {shard.Report.ToolVersion}, but {first.Source} by {first.Report.ToolVersion}",
                "all shards from the same harness version");
        }

        if (shard.Report.LuaVm != first.Report.LuaVm)
        {
            throw new HarnessInputException(
                new SourceLocation(shard.Source, 1),
                $"ran on the {shard.Report.LuaVm ?? "unrecorded"} Lua VM, "
                    + $"but {first.Source} on {first.Report.LuaVm ?? "an unrecorded one"}",
                "all shards run with the same --vm");
        }

        if (!Equals(shard.Report.CostModel, first.Report.CostModel))
        {
            throw new HarnessInputException(
                new SourceLocation(shard.Source, 1),
                $"priced with a different cost model than {first.Source}",
                "all shards run with the same cost coefficients (pass the same --baseline to every shard)");
        }
    }

    private static void CheckShardLabels(IReadOnlyList<ShardSummary> shards)
    {
        if (shards.Any(s => s.Report.Shard is null))
        {
            return;
        }

        var parsed = shards.Select(s => (s.Source, Label: ParseLabel(s))).ToArray();
        var total = parsed[0].Label.Total;
        var seen = new Dictionary<int, string>();
        foreach (var (source, (index, count)) in parsed)
        {
            if (count != total)
            {
                throw new HarnessInputException(
                    new SourceLocation(source, 1),
                    $"is shard {index}/{count}, others are out of {total}",
                    $"every shard labelled i/{total}");
            }

            if (!seen.TryAdd(index, source))
            {
                throw new HarnessInputException(
                    new SourceLocation(source, 1),
                    $"shard {index}/{count} is already given by {seen[index]}",
                    "each shard once");
            }
        }

        var missing = Enumerable.Range(1, total).Where(i => !seen.ContainsKey(i)).ToArray();
        if (missing.Length > 0)
        {
            throw new HarnessInputException(
                null,
                $"shard(s) {string.Join(", ", missing.Select(m => $"{m}/{total}"))} missing: "
                    + "the merged report would not cover every scenario",
                $"all {total} shard summaries");
        }
    }

    private static (int Index, int Total) ParseLabel(ShardSummary shard)
    {
        var parts = shard.Report.Shard!.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            && index >= 1 && index <= total)
        {
            return (index, total);
        }

        throw new HarnessInputException(
            new SourceLocation(shard.Source, 1),
            $"shard label '{shard.Report.Shard}' is not i/n",
            "a label like 2/4");
    }
}
