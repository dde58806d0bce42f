namespace BarHarness.Cli.Commands;

/// <summary>The <c>--out</c> option of the commands that write a scenario into scenarios/repro/ (replay,
/// shrink).</summary>
internal static class ReproOutOption
{
    public static Option<string?> Create(string what, string defaultFileName) => DescribedOption.Create<string?>(
        "--out", $"Where to write {what} (default: scenarios/repro/{defaultFileName})");

    /// <summary>The full path the scenario goes to: the one given, or scenarios/repro/NAME.yaml.</summary>
    public static string FullPath(ParseResult parse, Option<string?> option, string root, string name) =>
        Path.GetFullPath(parse.GetValue(option) ?? ReproFileName.DefaultPath(root, name));
}
