namespace BarHarness.Cli.Commands;

/// <summary><c>barharness list</c>: the scenarios a run would pick, with their duration and tags.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var scenarios = new ScenarioArguments();
        var command = new Command("list", "List the scenarios a run would pick (after --filter and --shard)");
        scenarios.AddTo(command);
        command.SetAction(parse =>
        {
            var (batch, selected, _) = scenarios.Load(parse);
            var table = new Table()
                .Border(TableBorder.Simple).AddColumn("name").AddColumn("file")
                .AddColumn(new TableColumn("game s").RightAligned()).AddColumn("tags");
            foreach (var s in selected)
            {
                table.AddRow(
                    Markup.Escape(s.Definition.Name),
                    Markup.Escape(s.RelativePath),
                    s.Definition.DurationSeconds.ToString("0"),
                    Markup.Escape(string.Join(",", s.Definition.Tags)));
            }

            AnsiConsole.Write(table);
            foreach (var error in batch.Errors)
            {
                Terminal.Line($"[red]error[/] {error.Error.Describe()}");
            }

            return batch.Errors.Count == 0 ? ExitCodes.Passed : ExitCodes.BadInput;
        });
        return command;
    }
}
