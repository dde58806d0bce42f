namespace BarHarness.Reports.Merging;

/// <summary>One shard's report and where it came from (named in merge errors).</summary>
public sealed record ShardSummary(string Source, RunReport Report);
