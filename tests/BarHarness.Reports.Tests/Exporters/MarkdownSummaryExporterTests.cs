using System.Text.RegularExpressions;

namespace BarHarness.Reports.Tests.Exporters;

public sealed class MarkdownSummaryExporterTests
{
    [Fact]
    public void Failing_scenario_lists_failing_expectations_first_and_the_reproduce_command_in_a_code_block()
    {
        var md = ExportHelper.Text(new MarkdownSummaryExporter(), SampleReports.TwoScenarios());

        var failing = md.IndexOf("| budget.max | **FAIL**", StringComparison.Ordinal);
        var passing = md.IndexOf("| no-lua-errors | pass", StringComparison.Ordinal);
        Assert.True(failing > 0 && passing > failing);
        Assert.Contains("```sh\nbarharness run scenarios/", md);
        Assert.StartsWith("# BarHarness: 1 of 2 scenarios failed", md);
    }

    [Fact]
    public void Table_cells_cannot_break_the_table_or_inject_html()
    {
        var md = ExportHelper.Text(new MarkdownSummaryExporter(), SampleReports.TwoScenarios());

        // Inside a fenced code block text is shown literally, so only the rest must be escaped.
        var outsideCode = Regex.Replace(md, "```[a-z]*\n.*?\n```", string.Empty, RegexOptions.Singleline);
        Assert.DoesNotContain("<script>", outsideCode);
        Assert.Contains("&lt;script&gt;", md);
        Assert.Contains("\\|", md);
    }

    [Fact]
    public void A_replayed_scenario_says_so_in_every_format_with_the_first_runs_failure()
    {
        var replayed = SampleReports.Passing("units-1000", 3) with
        {
            FirstRunBudgetFailures = [new ExpectationResult("budget.max", false, "max ≤ 2 ms", "3.508 ms CPU time")],
        };

        var md = ExportHelper.Text(new MarkdownSummaryExporter(), SampleReports.Run(replayed));
        var plain = ExportHelper.Text(new MarkdownSummaryExporter(), SampleReports.Run(SampleReports.Passing("a", 3)));

        Assert.Contains(
            "Replayed after a budget failure (budget.max: 3.508 ms CPU time); the replay passed (the first run", md);
        Assert.DoesNotContain("Replayed", plain);
        var junit = ExportHelper.Text(new JUnitXmlExporter(), SampleReports.Run(replayed));
        var html = ExportHelper.Text(new HtmlReportExporter(), SampleReports.Run(replayed));
        Assert.Contains("name=\"budgetReplay\" value=\"Replayed after a budget failure (budget.max: 3.508 ms", junit);
        Assert.Contains("<p>Replayed after a budget failure (budget.max: 3.508 ms CPU time); the replay passed", html);
    }

    [Fact]
    public void Code_block_fence_outgrows_backticks_in_the_command()
    {
        var block = MarkdownText.CodeBlock("echo ```` done");

        Assert.StartsWith("`````\n", block);
    }
}
