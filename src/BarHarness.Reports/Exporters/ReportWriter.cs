namespace BarHarness.Reports.Exporters;

/// <summary>Writes one report in several formats into a report directory (<c>--report DIR</c>).</summary>
public static class ReportWriter
{
    /// <returns>The files written, in exporter order.</returns>
    public static IReadOnlyList<string> WriteAll(
        RunReport report,
        IEnumerable<IReportExporter> exporters,
        string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(exporters);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var exporter in exporters)
        {
            var path = Path.Combine(directory, exporter.FileName);

            // Write beside the target and move into place, so a crash never leaves half a baseline behind.
            var partial = path + ".partial";
            using (var stream = File.Create(partial))
            {
                exporter.Export(report, stream);
            }

            File.Move(partial, path, overwrite: true);
            written.Add(path);
        }

        return written;
    }
}
