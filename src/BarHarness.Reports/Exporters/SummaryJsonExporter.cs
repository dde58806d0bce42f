using BarHarness.Reports.SummaryJson;

namespace BarHarness.Reports.Exporters;

/// <summary>summary.json: the stable, documented data file (SUMMARY-JSON.md) baselines and merges read back.</summary>
public sealed class SummaryJsonExporter : IReportExporter
{
    public string FormatName => "json";

    public string FileName => "summary.json";

    public void Export(RunReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        JsonSerializer.Serialize(destination, SummaryDocument.Of(report), SummaryJsonOptions.Instance);
    }
}
