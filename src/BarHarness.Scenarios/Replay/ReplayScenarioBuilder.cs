namespace BarHarness.Scenarios.Replay;

/// <summary>
/// Turns a <see cref="RecordingSummary"/> into a scenario whose world follows the recording as far as
/// the format allows: game time from the frames seen, the exported unit count as ramps, the teams
/// and ally teams seen, the local player from <c>hello</c>, and each connection break as a
/// <c>disconnect</c> fault at that game time. What the format cannot say (unit positions, which
/// units) comes from the seed.
/// </summary>
public static class ReplayScenarioBuilder
{
    private static readonly IReadOnlyDictionary<string, double> NoParameters = new Dictionary<string, double>();

    /// <summary>At most this many ramp segments: enough to follow the shape, few enough to read.</summary>
    public const int MaxRampSegments = 30;

    public static ScenarioDefinition Build(
        RecordingSummary recording,
        string name,
        string sourceDescription,
        string targetFile,
        ulong seed = 1)
    {
        var template = ScenarioLoader.Parse($"name: {name}\nseed: {seed}\nduration: 1\n", targetFile);
        var frames = Math.Max(recording.LastFrame - recording.FirstFrame, ScenarioDefinition.FramesPerSecond);
        var duration = frames / (double)ScenarioDefinition.FramesPerSecond;
        double Seconds(int frame) => (frame - recording.FirstFrame) / (double)ScenarioDefinition.FramesPerSecond;

        var initial = recording.UnitCounts.Count == 0 ? 0 : Clamp(recording.UnitCounts[0].Units);
        var units = template.Units with { Initial = initial, Ramps = Ramps(recording, duration, Seconds) };
        var breaks = recording.ConnectionBreakFrames
            .Select(Seconds).Where(t => t > 0 && t < duration).Distinct().ToList();
        var faults = breaks.Select(t => new FaultSpec("disconnect", t, null, NoParameters, 1.0, null)).ToList();
        var invariant = CultureInfo.InvariantCulture;
        var description =
            string.Create(invariant, $"Replayed from {sourceDescription}: {recording.Messages} messages ")
            + string.Create(invariant, $"over {duration:0.##} s of game time ")
            + string.Create(invariant, $"(frames {recording.FirstFrame}-{recording.LastFrame}), ")
            + string.Create(invariant, $"{breaks.Count} connection break(s). ")
            + "Unit counts follow the units the widget exported (what the player saw).";
        return template with
        {
            Name = name,
            Description = description,
            Tags = ["repro", "replay"],
            DurationSeconds = duration,
            World = World(template.World, recording),
            Units = units,
            Faults = faults,
        };
    }

    private static IReadOnlyList<UnitRamp> Ramps(RecordingSummary recording, double duration, Func<int, double> seconds)
    {
        var ramps = new List<UnitRamp>();
        if (recording.UnitCounts.Count == 0)
        {
            return ramps;
        }

        // The count at the end of each segment, reached linearly over the segment: the curve's shape, not every wiggle.
        var segment = Math.Max(1.0, duration / MaxRampSegments);
        var previous = Clamp(recording.UnitCounts[0].Units);
        for (var start = 0.0; start < duration; start += segment)
        {
            var end = Math.Min(start + segment, duration);
            var inSegment = recording.UnitCounts
                .Where(s => seconds(s.Frame) >= start && seconds(s.Frame) < end).ToList();
            if (inSegment.Count == 0)
            {
                continue;
            }

            var target = Clamp(inSegment[^1].Units);
            if (target != previous)
            {
                ramps.Add(new UnitRamp(Math.Round(start, 3), target, Math.Round(end - start, 3)));
                previous = target;
            }
        }

        return ramps;
    }

    private static WorldSpec World(WorldSpec template, RecordingSummary recording)
    {
        var teamCount = new[]
        {
            2,
            (recording.LocalTeam ?? 0) + 1,
            recording.TeamAllies.Keys.DefaultIfEmpty(0).Max() + 1,
        }.Max();
        teamCount = Math.Min(teamCount, 255);

        // Ally teams in order of their recorded ids; a team whose ally team was never named gets its own.
        var allyOrder = recording.TeamAllies.Values.OfType<int>().Distinct().Order().ToList();
        var groups = allyOrder.ToDictionary(a => a, _ => new List<int>());
        var alone = new List<List<int>>();
        for (var team = 0; team < teamCount; team++)
        {
            if (recording.TeamAllies.TryGetValue(team, out var ally) && ally is { } a)
            {
                groups[a].Add(team);
            }
            else
            {
                alone.Add([team]);
            }
        }

        var allyTeams = groups.Values.Where(g => g.Count > 0).Concat(alone)
            .Select((teams, i) => new AllyTeamSpec(i, teams)).ToList();
        var local = template.LocalPlayer with
        {
            Team = Math.Min(recording.LocalTeam ?? 0, teamCount - 1),
            Spectator = recording.Spectator,
            FullView = recording.Spectator && recording.FullView,
        };
        var map =
            recording.MapWidth is { } w
            && recording.MapHeight is { } h
            && Elmos(w) is { } width
            && Elmos(h) is { } height
                ? new MapSize(width, height)
                : template.Map;
        return template with { AllyTeams = allyTeams, LocalPlayer = local, Map = map };
    }

    /// <summary>A map side the scenario format accepts (whole map squares, at most 64 map units), else null.</summary>
    private static int? Elmos(int recorded)
    {
        var squares = recorded / MapSize.ElmosPerSquare * MapSize.ElmosPerSquare;
        return squares is >= MapSize.ElmosPerSquare and <= 64 * 512 ? squares : null;
    }

    private static int Clamp(int units) => Math.Clamp(units, 0, ScenarioDefinition.MaxUnits);
}
