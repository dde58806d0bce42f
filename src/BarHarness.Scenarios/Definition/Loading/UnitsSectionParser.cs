namespace BarHarness.Scenarios.Definition.Loading;

/// <summary><c>units:</c> the unit timeline; team references are checked against the world.</summary>
internal static class UnitsSectionParser
{
    private const int Max = ScenarioDefinition.MaxUnits;

    public static UnitTimeline Parse(YamlNode? node, ParseContext ctx, WorldSpec world)
    {
        if (node is null)
        {
            return new UnitTimeline(0, [], [], 0, [], [], [], 0.3, LosSpec.Still);
        }

        var reader = new MappingReader(node, "units");
        var initial = reader.Read("initial", 0, Count);
        var ramps = List(reader, "ramps", (m, c) => new UnitRamp(
            c.RequiredTime(m, "at"),
            Count(m.Required("to", "the unit count to reach"), m.Describe("to")),
            YamlValues.Seconds(
                m.Required("over", "how long the ramp takes, e.g. \"30s\""),
                m.Describe("over"),
                0,
                c.DurationSeconds)), ctx);
        var waves = List(reader, "waves", (m, c) => new UnitWave(
            c.RequiredTime(m, "at"),
            Count(m.Required("count", "how many units"), m.Describe("count")),
            Team(m, "team", world)), ctx);
        var churn = reader.Read("churn_per_second", 0.0, (n, w) => YamlValues.Number(n, w, 0, Max));
        var spawns = List(reader, "mass_spawn", (m, c) => Mass(m, c, world), ctx);
        var destroys = List(reader, "mass_destroy", (m, c) => Mass(m, c, world), ctx);
        var transfers = List(reader, "transfers", (m, c) => Transfer(m, c, world), ctx);
        var moving = reader.Read("moving_share", 0.3, (n, w) => YamlValues.Number(n, w, 0, 1));
        var los = ParseLos(reader.Optional("los"));
        var hold = reader.Read("hold", true, YamlValues.Bool);
        reader.Finish();

        foreach (var (ramp, i) in ramps.Select((r, i) => (r, i)))
        {
            if (ramp.AtSeconds + ramp.OverSeconds > ctx.DurationSeconds + 1e-9)
            {
                throw new HarnessInputException(
                    LocationOfItem(reader, "ramps", i),
                    $"ramp {i + 1} ends at {YamlValues.Show(ramp.AtSeconds + ramp.OverSeconds)} s, "
                        + $"after the scenario's {YamlValues.Show(ctx.DurationSeconds)} s",
                    "at + over within 'duration'");
            }
        }

        var timeline = new UnitTimeline(initial, ramps, waves, churn, spawns, destroys, transfers, moving, los, hold);
        if (timeline.PeakBound > Max)
        {
            throw new HarnessInputException(
                reader.Location,
                $"the unit timeline can reach {timeline.PeakBound} units "
                    + "(initial or ramp peak plus all waves and spawns)",
                $"at most {Max} units at any time");
        }

        return timeline;
    }

    private static int Count(YamlNode node, string what) => YamlValues.Integer(node, what, 0, Max);

    private static int? Team(MappingReader m, string key, WorldSpec world)
    {
        var node = m.Optional(key);
        return node is null ? null : TeamId(node, m.Describe(key), world);
    }

    private static int TeamId(YamlNode node, string what, WorldSpec world)
    {
        var last = world.TeamCount - 1 + (world.Gaia ? 1 : 0);
        return YamlValues.Integer(node, what, 0, last);
    }

    private static MassChange Mass(MappingReader m, ParseContext c, WorldSpec world) =>
        new(
            c.RequiredTime(m, "at"),
            Count(m.Required("count", "how many units"), m.Describe("count")),
            Team(m, "team", world));

    private static UnitTransfer Transfer(MappingReader m, ParseContext c, WorldSpec world)
    {
        var at = c.RequiredTime(m, "at");
        var count = Count(m.Required("count", "how many units"), m.Describe("count"));
        var fromNode = m.Required("from", "the giving team id");
        var toNode = m.Required("to", "the receiving team id");
        var from = TeamId(fromNode, m.Describe("from"), world);
        var to = TeamId(toNode, m.Describe("to"), world);
        if (from == to)
        {
            throw new HarnessInputException(
                toNode.Location,
                $"a transfer from team {from} to itself",
                "two different teams");
        }

        return new UnitTransfer(at, count, from, to);
    }

    private static LosSpec ParseLos(YamlNode? node)
    {
        if (node is null)
        {
            return LosSpec.Still;
        }

        var reader = new MappingReader(node, "units.los");
        var spec = new LosSpec(
            reader.Read("changes_per_second", 0.0, (n, w) => YamlValues.Number(n, w, 0, Max)),
            reader.Read("moving_enemies", false, YamlValues.Bool));
        reader.Finish();
        return spec;
    }

    private static IReadOnlyList<T> List<T>(
        MappingReader reader,
        string key,
        Func<MappingReader, ParseContext, T> parseItem,
        ParseContext ctx)
    {
        var node = reader.Optional(key);
        if (node is null)
        {
            return [];
        }

        var list = YamlValues.Sequence(node, reader.Describe(key));
        var result = new List<T>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = new MappingReader(list.Items[i], $"units.{key}[{i + 1}]");
            var value = parseItem(item, ctx);
            item.Finish();
            result.Add(value);
        }

        return result;
    }

    private static SourceLocation LocationOfItem(MappingReader reader, string key, int index) =>
        reader.Optional(key) is YamlSequence s && index < s.Items.Count ? s.Items[index].Location : reader.Location;
}
