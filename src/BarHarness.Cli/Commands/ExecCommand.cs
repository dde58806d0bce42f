namespace BarHarness.Cli.Commands;

/// <summary>
/// <c>barharness exec SCRIPT.lua</c>: runs a script in a widget's environment inside a synthetic game
/// (after the given frames), with Spring.Echo and print on stdout, to poke the engine API.
/// </summary>
internal static class ExecCommand
{
    public static Command Create()
    {
        var script = DescribedOption.Argument<string>("script", "The Lua script");
        var adHoc = new AdHocScenario("exec", units: 20, frames: 30, "Sim frames to run before the script");
        var command = new Command("exec", "Run a Lua script inside a widget environment of a synthetic game")
        {
            script, adHoc.Units, adHoc.Seed, adHoc.Frames, adHoc.Spectator, adHoc.Game,
        };
        command.SetAction(parse =>
        {
            GameOption.Apply(parse, adHoc.Game);
            var path = parse.GetValue(script)!;
            if (!File.Exists(path))
            {
                throw new BarHarness.Core.Diagnostics.HarnessInputException(
                    null,
                    $"script not found: {path}",
                    "an existing .lua file");
            }

            var scenario = adHoc.Parse(parse);
            var code = File.ReadAllText(path);
            string? scriptError = null;
            var result = Simulation.Play(scenario, new RunOptions
            {
                RepoRoot = RepoLocator.Find(),
                LoadWidget = false,
                BeforeShutdown = host => scriptError = host.RunScript(code, Path.GetFileName(path)),
                ConsoleMirror = System.Console.Out,
                ProfileFunctions = false,
                DescribeReproduction = ReproduceCommandLine.Format,
            }).Result;
            if (result.Error is not null)
            {
                System.Console.Error.WriteLine("error: " + result.Error);
                return ExitCodes.ExpectationFailed;
            }

            if (scriptError is { } error)
            {
                System.Console.Error.WriteLine(error);
                return ExitCodes.ExpectationFailed;
            }

            return ExitCodes.Passed;
        });
        return command;
    }
}
