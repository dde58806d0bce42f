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
        var units = new Option<int>("--units") { DefaultValueFactory = _ => 20, Description = "Units on the map" };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => 1, Description = "World seed" };
        var frames = new Option<int>("--frames")
        {
            DefaultValueFactory = _ => 30,
            Description = "Sim frames to run before the script",
        };
        var game = GameOption.Create();
        var spectator = DescribedOption.Create<bool>("--spectator", "Local player is a full-view spectator");
        var command = new Command("exec", "Run a Lua script inside a widget environment of a synthetic game")
        {
            script, units, seed, frames, spectator, game,
        };
        command.SetAction(parse =>
        {
            GameOption.Apply(parse, game);
            var path = parse.GetValue(script)!;
            if (!File.Exists(path))
            {
                throw new BarHarness.Core.Diagnostics.HarnessInputException(
                    null,
                    $"script not found: {path}",
                    "an existing .lua file");
            }

            var yaml = AdHocScenario.Yaml(
                "exec",
                Math.Max(1, parse.GetValue(frames)) / 30.0,
                parse.GetValue(units),
                parse.GetValue(spectator),
                parse.GetValue(seed));
            var scenario = new LoadedScenario("(exec)", ScenarioLoader.Parse(yaml, "(exec)"));
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
