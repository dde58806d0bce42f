using System.Text;

namespace BarHarness.Reports.Tests;

internal static class ExportHelper
{
    public static byte[] Bytes(IReportExporter exporter, RunReport report)
    {
        using var stream = new MemoryStream();
        exporter.Export(report, stream);
        return stream.ToArray();
    }

    public static string Text(IReportExporter exporter, RunReport report) =>
        Encoding.UTF8.GetString(Bytes(exporter, report));

    public static string Html(RunReport report) => Text(new HtmlReportExporter(), report);
}
