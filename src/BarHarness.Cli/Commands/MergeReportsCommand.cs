using BarHarness.Reports.Exporters;
using BarHarness.Reports.Merging;
using BarHarness.Reports.SummaryJson;

namespace BarHarness.Cli.Commands;

/// <summary><c>barharness merge-reports</c>: one report from the summary.json of every shard.</summary>
internal static class MergeReportsCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("summaries")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "summary.json files (or folders holding one) of the shards",
        };
        var output = DefaultedOption.Create<string>("--out", "reports/merged", "Folder for the merged reports");
        var format = ReportFormatOption.Create("Report formats");
        var command = new Command(
            "merge-reports",
            "Merge shard reports (summary.json) into one report") { files, output, format };
        command.SetAction(parse =>
        {
            var shards = parse.GetValue(files)!
                .Select(f => Directory.Exists(f) ? Path.Combine(f, "summary.json") : f)
                .Select(f => new ShardSummary(f, SummaryJsonReader.ReadFile(f)))
                .ToList();
            var merged = ReportMerger.Merge(shards);
            var dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            var written = ReportWriter.WriteAll(merged, ExporterRegistry.Default.Parse(parse.GetValue(format)!), dir);
            SummaryView.Print(merged, written);
            return merged.Passed ? ExitCodes.Passed : ExitCodes.ExpectationFailed;
        });
        return command;
    }
}
