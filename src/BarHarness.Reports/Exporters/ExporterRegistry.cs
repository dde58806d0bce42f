namespace BarHarness.Reports.Exporters;

/// <summary>Maps <c>--format</c> names (json, junit, mocha, md, html) to exporters.</summary>
public sealed class ExporterRegistry
{
    private readonly Dictionary<string, IReportExporter> _byName;

    public ExporterRegistry(IEnumerable<IReportExporter> exporters)
    {
        ArgumentNullException.ThrowIfNull(exporters);
        _byName = exporters.ToDictionary(e => e.FormatName, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>All five formats.</summary>
    public static ExporterRegistry Default { get; } = new(
    [
        new SummaryJsonExporter(),
        new JUnitXmlExporter(),
        new MochaJsonExporter(),
        new MarkdownSummaryExporter(),
        new HtmlReportExporter(),
    ]);

    public IReadOnlyList<string> Names => _byName.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Looks one name up; an unknown name is user input error listing the valid names.</summary>
    public IReportExporter Get(string name, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name.Trim(), out var exporter)
            ? exporter
            : throw new HarnessInputException(
                location,
                $"unknown report format '{name}'",
                "one of " + string.Join(", ", Names));
    }

    /// <summary>
    /// Parses a comma-separated <c>--format</c> value (e.g. <c>json,junit,html</c>), keeping order, dropping repeats.
    /// </summary>
    public IReadOnlyList<IReportExporter> Parse(string formats, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(formats);
        var names = formats.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new HarnessInputException(
                location,
                "no report format given",
                "one or more of " + string.Join(", ", Names));
        }

        return names.Select(n => Get(n, location)).Distinct().ToArray();
    }
}
