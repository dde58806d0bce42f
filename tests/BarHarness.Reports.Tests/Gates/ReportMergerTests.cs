using BarHarness.Reports.Merging;

namespace BarHarness.Reports.Tests.Gates;

public sealed class ReportMergerTests
{
    private static ShardSummary Shard(string label, params string[] scenarios) =>
        new($"shard-{label.Replace('/', '-')}/summary.json",
            SampleReports.Run(scenarios.Select((s, i) =>
            SampleReports.Passing(s, (ulong)(i + 1), frames: 30)).ToArray()) with
            { Shard = label });

    [Fact]
    public void Shards_merge_into_one_report_covering_each_scenario_once_in_name_order()
    {
        var merged = ReportMerger.Merge([Shard("2/2", "typical", "heavy"), Shard("1/2", "stress", "minimal")]);

        Assert.Equal(["heavy", "minimal", "stress", "typical"], merged.Scenarios.Select(s => s.Name));
        Assert.Null(merged.Shard);
    }

    [Fact]
    public void Scenario_in_two_shards_is_rejected_naming_both_files()
    {
        var error = Assert.Throws<HarnessInputException>(() =>
            ReportMerger.Merge([Shard("1/2", "typical"), Shard("2/2", "heavy", "typical")]));

        Assert.Contains("'typical'", error.Message);
        Assert.Contains("shard-1-2/summary.json", error.Message);
        Assert.Equal("shard-2-2/summary.json", error.Location!.File);
    }

    [Fact]
    public void Missing_shard_is_rejected_because_coverage_would_be_incomplete()
    {
        var error = Assert.Throws<HarnessInputException>(() =>
            ReportMerger.Merge([Shard("1/3", "a"), Shard("3/3", "c")]));

        Assert.Contains("2/3", error.Message);
    }

    [Fact]
    public void Shards_priced_by_different_cost_models_are_rejected()
    {
        var other = Shard("2/2", "b");
        var otherCost = other.Report.CostModel! with { PerEngineCall = 9 };
        other = other with { Report = other.Report with { CostModel = otherCost } };

        Assert.Throws<HarnessInputException>(() => ReportMerger.Merge([Shard("1/2", "a"), other]));
    }

    [Fact]
    public void Merged_run_spans_from_the_earliest_start_to_the_latest_end()
    {
        var early = Shard("1/2", "a");
        early = early with
        {
            Report = early.Report with
            {
                StartedAt = "2026-01-01T00:00:00Z",
                FinishedAt = "2026-01-01T00:05:00Z"
            }
        };
        var late = Shard("2/2", "b");
        late = late with
        {
            Report = late.Report with
            {
                StartedAt = "2026-01-01T00:01:00Z",
                FinishedAt = "2026-01-01T00:09:00Z"
            }
        };

        var merged = ReportMerger.Merge([late, early]);

        Assert.Equal("2026-01-01T00:00:00Z", merged.StartedAt);
        Assert.Equal("2026-01-01T00:09:00Z", merged.FinishedAt);
    }

    [Fact]
    public void Nothing_to_merge_is_an_input_error()
    {
        Assert.Throws<HarnessInputException>(() => ReportMerger.Merge([]));
    }

    [Fact]
    public void Unlabelled_shards_merge_without_a_coverage_check()
    {
        var a = Shard("1/2", "a");
        var b = Shard("2/2", "b");

        var merged = ReportMerger.Merge([a with { Report = a.Report with { Shard = null } },
            b with { Report = b.Report with { Shard = null } }]);

        Assert.Equal(2, merged.Scenarios.Count);
    }
}
