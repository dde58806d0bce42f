namespace BarHarness.Cli.Commands;

/// <summary>
/// The synthetic game <c>load</c> and <c>exec</c> run in: their shared options (units, seed, sim frames,
/// spectator, a BAR tree) and the small scenario written from them on the fly, in the format users write.
/// </summary>
internal sealed class AdHocScenario(string name, int units, int frames, string framesDescription)
{
    public Option<int> Units { get; } = DefaultedOption.Create("--units", units, "Units on the map");

    public Option<ulong> Seed { get; } = DefaultedOption.Create<ulong>("--seed", 1, "World seed");

    public Option<int> Frames { get; } = DefaultedOption.Create("--frames", frames, framesDescription);

    public Option<bool> Spectator { get; } =
        DescribedOption.Create<bool>("--spectator", "Local player is a full-view spectator");

    public Option<string?> Game { get; } = GameOption.Create();

    /// <summary>The scenario the parsed options describe (fewer than one sim frame runs one).</summary>
    public LoadedScenario Parse(ParseResult parse)
    {
        var yaml = Yaml(
            parse.GetValue(Frames) / 30.0, parse.GetValue(Units), parse.GetValue(Spectator), parse.GetValue(Seed));
        var file = "(" + name + ")";
        return new LoadedScenario(file, ScenarioLoader.Parse(yaml, file));
    }

    private string Yaml(double seconds, int unitCount, bool spectator, ulong seed)
    {
        var flag = spectator ? "true" : "false";
        // Round-trip formatting: one frame is 1/30 s exactly, the shortest duration a scenario may have.
        var duration = Math.Max(1.0 / 30, seconds).ToString("R", CultureInfo.InvariantCulture);
        return string.Join(
            "\n",
            $"name: {name}",
            $"seed: {seed}",
            $"duration: {duration}",
            "world:",
            "  local_player:",
            "    team: 0",
            $"    spectator: {flag}",
            $"    full_view: {flag}",
            "units:",
            $"  initial: {unitCount}",
            "network:",
            "  server: up",
            string.Empty);
    }
}
