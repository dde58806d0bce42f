using BarHarness.Scenarios.Replay;

namespace BarHarness.Cli.Commands;

/// <summary>
/// <c>barharness replay FILE.jsonl</c>: a stream recorded by <c>barharness serve</c> from a real game
/// becomes a scenario whose world follows the recording (game time, unit count, teams, spectator,
/// connection breaks as faults), written to <c>scenarios/repro/</c>.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var file = DescribedOption.Argument<string>("recording", "A .jsonl file written by barharness serve --record");
        var output = ReproOutOption.Create("the scenario", "replay-NAME.yaml");
        var seed = DefaultedOption.Create<ulong>(
            "--seed",
            1,
            "Seed for what the recording cannot say (positions, which units)");
        var command = new Command("replay", "Turn a stream recorded by serve into a scenario that follows it")
        {
            file,
            output,
            seed,
        };
        command.SetAction(parse =>
        {
            var root = RepoLocator.Find();
            var path = Path.GetFullPath(parse.GetValue(file)!);
            var stream = RecordedStream.Load(path);
            var summary = RecordingSummary.From(stream);
            var name = "replay-" + ReproFileName.Slug(Path.GetFileNameWithoutExtension(path));
            var outPath = ReproOutOption.FullPath(parse, output, root, name);
            var scenario = ReplayScenarioBuilder.Build(
                summary,
                name,
                Path.GetFileName(path),
                outPath,
                parse.GetValue(seed));
            ScenarioWriter.Save(scenario, outPath);

            // Prove the file loads as written before telling anyone to run it.
            var display = ReproFileName.Display(root, outPath);
            var loaded = ScenarioLoader.Load(outPath, display);
            Terminal.Line(
                $"{stream.Messages.Count} messages ({stream.UnreadableLines} unreadable lines skipped), ",
                $"frames {summary.FirstFrame}-{summary.LastFrame}");
            Terminal.Line(
                $"wrote {display}: {loaded.DurationSeconds:0.##} s, {loaded.Units.Initial} units at start, ",
                $"{loaded.Units.Ramps.Count} ramp(s), {loaded.World.TeamCount} teams ",
                $"in {loaded.World.AllyTeams.Count} ally teams, spectator {loaded.World.LocalPlayer.Spectator}, ",
                $"{loaded.Faults.Count} disconnect(s)");
            System.Console.Out.WriteLine($"run it: dotnet run --project src/BarHarness.Cli -- run {display}");
            return ExitCodes.Passed;
        });
        return command;
    }
}
