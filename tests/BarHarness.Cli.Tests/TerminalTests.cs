using BarHarness.Cli.Console;
using BarHarness.Reports.Model;
using Spectre.Console;

namespace BarHarness.Cli.Tests;

public sealed class TerminalTests
{
    [Fact]
    public void Markup_escapes_every_interpolated_value_whatever_its_type()
    {
        var error = new RunError("[string \"w.lua\"]:1: [red]boom[/] [bold", "w.lua:1");
        var markup = Terminal.Markup($"[red]error[/] {error} {42.5:0.0}");
        var text = new Markup(markup); // a style Spectre cannot find would throw here
        Assert.Contains("[[string", markup, StringComparison.Ordinal);
        Assert.Contains("42.5", markup, StringComparison.Ordinal);
        Assert.NotNull(text);
    }

    [Fact]
    public void Interpolating_a_record_directly_would_crash_Spectre()
    {
        // Spectre escapes only string arguments: this is the crash Terminal.Markup prevents.
        var error = new RunError("[string \"w.lua\"]:1: boom", null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        Assert.Throws<InvalidOperationException>(() => console.MarkupLineInterpolated($"error {error}"));
    }

    [Fact]
    public void Without_a_terminal_output_is_plain_and_tables_do_not_wrap()
    {
        var previous = AnsiConsole.Console;
        try
        {
            var output = new StringWriter();
            Terminal.Configure(output, isTerminal: false);
            var name = "a-scenario-name-long-enough-to-wrap-in-eighty-columns-" + new string('x', 60);
            var table = new Table().AddColumn("scenario").AddColumn("result");
            AnsiConsole.Write(table.AddRow(Markup.Escape(name), "[red]FAIL[/]"));
            Terminal.Line($"[red]FAIL[/] {name}");
            var text = output.ToString();
            Assert.DoesNotContain('\u001b', text);
            Assert.Contains(name, text, StringComparison.Ordinal);
            var rows = text.Split('\n').Where(l => l.Contains("a-scenario", StringComparison.Ordinal));
            Assert.All(rows, l => Assert.Contains(name, l, StringComparison.Ordinal));
        }
        finally
        {
            AnsiConsole.Console = previous;
        }
    }
}
