using BarHarness.Engine.Coverage;

namespace BarHarness.Cli.Commands;

/// <summary>
/// <c>barharness api-coverage</c>: which widget-reachable functions of recoil-api.tsv the synthetic
/// engine implements, per Lua table. The list ships inside the engine; <c>--tsv</c> reads another.
/// </summary>
internal static class ApiCoverageCommand
{
    public static Command Create()
    {
        var tsv = DescribedOption.Create<string?>("--tsv", "An engine API list to use instead of the bundled one");
        var listMissing = DescribedOption.Create<bool>(
            "--list-missing", "Also list every reachable function that is neither implemented nor stubbed");
        var command = new Command(
            "api-coverage",
            "Print which widget-reachable Recoil API functions the synthetic engine implements")
        {
            tsv,
            listMissing,
        };
        command.SetAction(parse =>
        {
            var given = parse.GetValue(tsv);
            var path = given ?? RecoilApiCatalog.BundledOrigin;
            var report = ApiCoverage.Compute(given is null ? RecoilApiCatalog.Bundled : RecoilApiCatalog.Load(given));
            AnsiConsole.Write(Table(ApiCoverageTableRow.PerTable(report)));
            var implemented = Percent(report.Implemented.Count, report.Reachable);
            Terminal.Line(
                $"{report.Implemented.Count} of {report.Reachable} widget-reachable functions ",
                $"implemented ({implemented}), ",
                $"{report.Stubbed.Count} recording stubs, {report.Missing.Count} missing; list: {path}");
            if (report.ImplementedButUnlisted.Count > 0)
            {
                Terminal.Line(
                    $"[grey]implemented but not in the list: {string.Join(", ", report.ImplementedButUnlisted)}[/]");
            }

            if (parse.GetValue(listMissing))
            {
                foreach (var name in report.Missing)
                {
                    System.Console.Out.WriteLine("missing " + name);
                }
            }

            return ExitCodes.Passed;
        });
        return command;
    }

    private static Table Table(IEnumerable<ApiCoverageTableRow> rows)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("table");
        foreach (var count in new[] { "implemented", "stubbed", "missing", "reachable", "%" })
        {
            table.AddColumn(new TableColumn(count).RightAligned());
        }

        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Table),
                row.Implemented.ToString(CultureInfo.InvariantCulture),
                row.Stubbed.ToString(CultureInfo.InvariantCulture),
                row.Missing.ToString(CultureInfo.InvariantCulture),
                row.Reachable.ToString(CultureInfo.InvariantCulture),
                Percent(row.Implemented, row.Reachable));
        }

        return table;
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>Coverage of one Lua table (Spring, gl, VFS, ...), its source files added up.</summary>
public sealed record ApiCoverageTableRow(string Table, int Reachable, int Implemented, int Stubbed)
{
    public int Missing => Reachable - Implemented - Stubbed;

    public static IReadOnlyList<ApiCoverageTableRow> PerTable(ApiCoverageReport report) =>
        report.Groups.GroupBy(g => g.Table, StringComparer.Ordinal)
            .Select(g => new ApiCoverageTableRow(
                g.Key,
                g.Sum(x => x.Reachable),
                g.Sum(x => x.Implemented),
                g.Sum(x => x.Stubbed)))
            .OrderBy(r => r.Table, StringComparer.Ordinal).ToList();
}
