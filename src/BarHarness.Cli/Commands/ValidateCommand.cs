namespace BarHarness.Cli.Commands;

/// <summary><c>barharness validate</c>: checks scenario files without running them.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var scenarios = new ScenarioArguments();
        var command = new Command(
            "validate",
            "Check scenario files (every error with file:line:column) without running them");
        scenarios.AddTo(command);
        command.SetAction(parse =>
        {
            var (batch, selected, _) = scenarios.Load(parse);
            foreach (var error in batch.Errors)
            {
                Terminal.Line($"[red]error[/] {error.Error.Describe()}");
            }

            Terminal.Line($"{selected.Count} scenario(s) valid, {batch.Errors.Count} with errors");
            return batch.Errors.Count == 0 ? ExitCodes.Passed : ExitCodes.BadInput;
        });
        return command;
    }
}
