namespace BarHarness.Scenarios.Definition.Loading;

/// <summary>
/// <c>world:</c> map, teams (counts or explicit ally-team lists), Gaia, local player, unit defs,
/// replay mode and edge-case data.
/// </summary>
internal static class WorldSectionParser
{
    public const int MaxTeams = 255;
    private const int MaxMapElmos = 64 * 512; // 64x64 in BAR's map units, far above any real map

    public static WorldSpec Parse(YamlNode? node)
    {
        if (node is null)
        {
            return Default();
        }

        var reader = new MappingReader(node, "world");
        var map = ParseMap(reader.Optional("map"));
        var allyTeamsNode = reader.Optional("ally_teams");
        var teamsNode = reader.Optional("teams");
        var gaia = reader.Read("gaia", true, YamlValues.Bool);
        var localNode = reader.Optional("local_player");
        var unitDefs = reader.Read("unit_defs", 120, (n, w) => YamlValues.Integer(n, w, 1, 5000));
        var replay = reader.Read("replay", false, YamlValues.Bool);
        var edge = EdgeDataSectionParser.Parse(reader.Optional("edge_data"));
        reader.Finish();

        var allyTeams = ParseTeams(reader, allyTeamsNode, teamsNode);
        var teamCount = allyTeams.Sum(a => a.TeamIds.Count);
        var local = ParseLocalPlayer(localNode, teamCount, replay, reader);
        return new WorldSpec(map, allyTeams, gaia, local, unitDefs, replay, edge);
    }

    public static WorldSpec Default() =>
        new(
            new MapSize(8192, 8192),
            [new AllyTeamSpec(0, [0]), new AllyTeamSpec(1, [1])],
            true,
            new LocalPlayerSpec("Player", 0, false, false),
            120,
            false,
            EdgeDataSpec.None);

    private static MapSize ParseMap(YamlNode? node)
    {
        if (node is null)
        {
            return new MapSize(8192, 8192);
        }

        var reader = new MappingReader(node, "world.map");
        var width = reader.Read("width_elmos", 8192, Elmos);
        var height = reader.Read("height_elmos", 8192, Elmos);
        reader.Finish();
        return new MapSize(width, height);
    }

    private static int Elmos(YamlNode node, string what)
    {
        var value = YamlValues.Integer(node, what, MapSize.ElmosPerSquare, MaxMapElmos);
        if (value % MapSize.ElmosPerSquare != 0)
        {
            throw new HarnessInputException(
                node.Location,
                $"{what} is {value}, not a whole number of map squares",
                "a multiple of 8 elmos (Game.mapSizeX = squares * 8), e.g. 8192 for a 16x16 map");
        }

        return value;
    }

    /// <summary>
    /// <c>teams: 8</c> with <c>ally_teams: 2</c> deals team ids 0..7 into ally teams in blocks
    /// (0-3, 4-7); <c>ally_teams: [[0, 1], [2, 3]]</c> lists them, covering 0..N-1 exactly once.
    /// </summary>
    private static IReadOnlyList<AllyTeamSpec> ParseTeams(MappingReader reader, YamlNode? allyNode, YamlNode? teamsNode)
    {
        if (allyNode is YamlSequence explicitList)
        {
            if (teamsNode is not null)
            {
                throw new HarnessInputException(
                    teamsNode.Location,
                    "'world.teams' conflicts with an explicit 'world.ally_teams' list "
                        + "(the list already says which teams exist)",
                    "either teams + ally_teams counts, or an ally_teams list of team-id lists");
            }

            return ExplicitTeams(explicitList);
        }

        var allyCount = allyNode is null ? 2 : YamlValues.Integer(allyNode, reader.Describe("ally_teams"), 1, MaxTeams);
        var teamCount = teamsNode is null
            ? allyCount
            : YamlValues.Integer(teamsNode, reader.Describe("teams"), 1, MaxTeams);
        if (teamCount < allyCount)
        {
            throw new HarnessInputException(
                teamsNode!.Location,
                $"{teamCount} teams cannot fill {allyCount} ally teams",
                "at least one team per ally team");
        }

        var result = new List<AllyTeamSpec>();
        var next = 0;
        for (var a = 0; a < allyCount; a++)
        {
            // Spread the remainder over the first ally teams so sizes differ by at most one.
            var size = (teamCount / allyCount) + (a < teamCount % allyCount ? 1 : 0);
            result.Add(new AllyTeamSpec(a, Enumerable.Range(next, size).ToArray()));
            next += size;
        }

        return result;
    }

    private static IReadOnlyList<AllyTeamSpec> ExplicitTeams(YamlSequence list)
    {
        if (list.Items.Count == 0 || list.Items.Count > MaxTeams)
        {
            throw new HarnessInputException(
                list.Location,
                $"'world.ally_teams' lists {list.Items.Count} ally teams",
                $"1 to {MaxTeams} lists of team ids");
        }

        var seen = new Dictionary<int, SourceLocation>();
        var result = new List<AllyTeamSpec>();
        for (var a = 0; a < list.Items.Count; a++)
        {
            var what = $"'world.ally_teams[{a + 1}]'";
            var teams = YamlValues.Sequence(list.Items[a], what);
            if (teams.Items.Count == 0)
            {
                throw new HarnessInputException(teams.Location, $"{what} is empty", "at least one team id");
            }

            var ids = new List<int>();
            foreach (var item in teams.Items)
            {
                var id = YamlValues.Integer(item, what + " team id", 0, MaxTeams - 1);
                if (!seen.TryAdd(id, item.Location))
                {
                    throw new HarnessInputException(
                        item.Location,
                        $"team {id} is in two ally teams (first at {seen[id]})",
                        "each team id in one ally team");
                }

                ids.Add(id);
            }

            result.Add(new AllyTeamSpec(a, ids));
        }

        var missing = Enumerable.Range(0, seen.Count).FirstOrDefault(id => !seen.ContainsKey(id), -1);
        if (missing >= 0)
        {
            throw new HarnessInputException(
                list.Location,
                $"team ids must be 0..{seen.Count - 1} without gaps; team {missing} is missing",
                "consecutive team ids starting at 0, as the engine numbers them");
        }

        return result;
    }

    private static LocalPlayerSpec ParseLocalPlayer(YamlNode? node, int teamCount, bool replay, MappingReader world)
    {
        if (node is null)
        {
            if (replay)
            {
                return new LocalPlayerSpec("Player", 0, true, true);
            }

            return new LocalPlayerSpec("Player", 0, false, false);
        }

        var reader = new MappingReader(node, "world.local_player");
        var name = reader.Read("name", "Player", (n, w) => YamlValues.String(n, w));
        var teamNode = reader.Optional("team");
        var team = teamNode is null ? 0 : YamlValues.Integer(teamNode, reader.Describe("team"), 0, teamCount - 1);
        var spectator = reader.Read("spectator", replay, YamlValues.Bool);
        var fullView = reader.Read("full_view", spectator, YamlValues.Bool);
        reader.Finish();

        if (fullView && !spectator)
        {
            throw new HarnessInputException(
                reader.LocationOf("full_view"),
                "'full_view: true' needs 'spectator: true' (a playing player never has full view)",
                "spectator: true, or full_view: false");
        }

        if (replay && !spectator)
        {
            throw new HarnessInputException(
                world.LocationOf("replay"),
                "'replay: true' conflicts with 'local_player.spectator: false' (everyone watching a replay spectates)",
                "spectator: true in replays");
        }

        return new LocalPlayerSpec(name, team, spectator, fullView);
    }
}
