namespace BarHarness.Cli.Commands;

/// <summary>The <c>--format</c> option of the commands that write reports: every format unless told.</summary>
internal static class ReportFormatOption
{
    public const string AllFormats = "json,junit,mocha,md,html";

    public static Option<string> Create(string description) =>
        DefaultedOption.Create("--format", AllFormats, description);
}
