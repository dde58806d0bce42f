namespace BarHarness.Cli.Console;

/// <summary>
/// The one way the CLI writes styled lines. Every interpolated value is escaped before Spectre reads
/// the markup (a widget's "[string]..." error is text, not a style), and output that is not a terminal
/// (CI logs, pipes, files) gets plain text: no colour codes, no cursor moves, no wrapping at 80 columns.
/// </summary>
public static class Terminal
{
    /// <summary>Columns assumed when stdout is not a terminal: wide enough that no table row wraps.</summary>
    public const int PlainWidth = 400;

    /// <summary>Points AnsiConsole at <paramref name="output"/>, plain unless it is an interactive terminal.</summary>
    public static void Configure(TextWriter output, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!isTerminal)
        {
            console.Profile.Width = PlainWidth;
        }

        AnsiConsole.Console = console;
    }

    /// <summary>True when stdout is a terminal a person watches.</summary>
    public static bool StdoutIsTerminal => !System.Console.IsOutputRedirected;

    /// <summary>Writes a markup line whose interpolated values are all shown as text.</summary>
    public static void Line(FormattableString line) => AnsiConsole.MarkupLine(Markup(line));

    /// <summary>One markup line written in parts (each part's interpolated values shown as text).</summary>
    public static void Line(FormattableString first, params FormattableString[] rest) =>
        AnsiConsole.MarkupLine(Markup(first) + string.Concat(rest.Select(Markup)));

    /// <summary>
    /// The markup of <paramref name="line"/> with every interpolated value escaped (any type, its format kept).
    /// </summary>
    public static string Markup(FormattableString line)
    {
        var args = line.GetArguments().Select(a => (object?)new EscapedValue(a)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, line.Format, args);
    }

    private sealed class EscapedValue(object? value) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            Spectre.Console.Markup.Escape(
                value is IFormattable f ? f.ToString(format, formatProvider) : value?.ToString() ?? string.Empty);

        public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
    }
}
