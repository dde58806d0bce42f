namespace BarHarness.Reports.Exporters;

/// <summary>The one-line verdict the human-readable reports open with.</summary>
internal static class ReportHeadline
{
    public static string Of(RunReport report)
    {
        var failed = report.Scenarios.Count(s => s.Outcome != ScenarioOutcome.Pass);
        return failed == 0
            ? $"all {report.Scenarios.Count} scenarios passed"
            : $"{failed} of {report.Scenarios.Count} scenarios failed";
    }
}
