namespace BarHarness.Reports.Exporters;

/// <summary>
/// Writes a <see cref="RunReport"/> in one format. Exporters only present what the model holds;
/// they never compute new figures (rendering choices such as chart downsampling aside).
/// </summary>
public interface IReportExporter
{
    /// <summary>Name used with <c>--format</c> (json, junit, mocha, md, html).</summary>
    string FormatName { get; }

    /// <summary>File name inside the report directory (e.g. <c>summary.json</c>).</summary>
    string FileName { get; }

    void Export(RunReport report, Stream destination);
}
