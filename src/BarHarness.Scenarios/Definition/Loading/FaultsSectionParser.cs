namespace BarHarness.Scenarios.Definition.Loading;

/// <summary>
/// <c>faults:</c> a list of <c>{name, at, duration | until, params, toxicity, direction, repeat}</c>,
/// checked against each fault's own schema in <see cref="FaultCatalog"/>. Parameters are written with
/// their unit in the key (<c>latency_ms</c>), as <see cref="FaultParameter.ScenarioKey"/> names them.
/// </summary>
internal static class FaultsSectionParser
{
    private static readonly Dictionary<string, FaultDirection> Directions = new()
    {
        ["downstream"] = FaultDirection.Downstream,
        ["upstream"] = FaultDirection.Upstream,
    };

    private static readonly IReadOnlyDictionary<string, FaultSchema> Schemas =
        FaultCatalog.Default.Names.ToDictionary(n => n, n => FaultCatalog.Default.Get(n), StringComparer.Ordinal);

    public static IReadOnlyList<FaultSpec> Parse(YamlNode? node, ParseContext ctx)
    {
        if (node is null)
        {
            return [];
        }

        var list = YamlValues.Sequence(node, "'faults'");
        var result = new List<(FaultSpec Fault, int Order)>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var reader = new MappingReader(list.Items[i], $"faults[{i + 1}]");
            var nameNode = reader.Required("name", "a fault name: " + string.Join(", ", Schemas.Keys));
            var shape = YamlValues.Choice(nameNode, reader.Describe("name"), Schemas);
            var at = ctx.RequiredTime(reader, "at");
            var durationNode = reader.Optional("duration");
            var untilNode = reader.Optional("until");
            var parameters = Parameters(reader, shape);
            var toxicity = reader.Read("toxicity", 1.0, (n, w) => YamlValues.Number(n, w, 0, 1));
            var direction = reader.Read<FaultDirection?>(
                "direction", null, (n, w) => (FaultDirection?)YamlValues.Choice(n, w, Directions));
            var end = End(reader, shape, at, durationNode, untilNode, ctx);

            // A repeated window must end inside the run too: the last start leaves room for its length.
            var length = end is null ? 0 : end.Value - at;
            var offsets = RepeatReader.Offsets(reader, at, ctx.DurationSeconds - length, ctx);
            reader.Finish();
            // Clamped so that floating-point sums never land a hair past the end of the run.
            var last = ctx.DurationSeconds;
            result.AddRange(offsets.Select(o => (
                new FaultSpec(
                    shape.Name,
                    Math.Min(at + o, last),
                    end is null ? null : Math.Min(end.Value + o, last),
                    parameters,
                    toxicity,
                    direction),
                i)));
        }

        return result.OrderBy(r => r.Fault.AtSeconds).ThenBy(r => r.Order).Select(r => r.Fault).ToArray();
    }

    private static double? End(
        MappingReader reader,
        FaultSchema shape,
        double at,
        YamlNode? durationNode,
        YamlNode? untilNode,
        ParseContext ctx)
    {
        var name = shape.Name;
        if (shape.IsInstant)
        {
            var extra = durationNode ?? untilNode;
            if (extra is not null)
            {
                var keys = string.Join(", ", shape.Parameters.Select(p => p.ScenarioKey));
                var hint = shape.Parameters.Count > 0 ? $" (params {keys} say how it acts)" : string.Empty;
                throw new HarnessInputException(
                    extra.Location,
                    $"fault '{name}' happens at one instant and takes no 'duration' or 'until'{hint}",
                    "only 'at' for instant faults");
            }

            return null;
        }

        if (durationNode is not null && untilNode is not null)
        {
            throw new HarnessInputException(
                untilNode.Location,
                "'duration' and 'until' both given for one fault",
                "one of them (or neither: until the end of the run)");
        }

        if (durationNode is not null)
        {
            var duration = YamlValues.Seconds(durationNode, reader.Describe("duration"), 1.0 / 30, ctx.DurationSeconds);
            if (at + duration > ctx.DurationSeconds + 1e-9)
            {
                throw new HarnessInputException(
                    durationNode.Location,
                    $"fault '{name}' would end at {YamlValues.Show(at + duration)} s, "
                        + $"after the scenario's {YamlValues.Show(ctx.DurationSeconds)} s",
                    "at + duration within 'duration' (omit it to last until the end)");
            }

            return Math.Min(at + duration, ctx.DurationSeconds);
        }

        if (untilNode is not null)
        {
            var until = ctx.Time(untilNode, reader.Describe("until"));
            if (until <= at)
            {
                throw new HarnessInputException(
                    untilNode.Location,
                    $"fault '{name}' ends at {YamlValues.Show(until)} s, "
                        + $"not after it starts at {YamlValues.Show(at)} s",
                    "'until' later than 'at'");
            }

            return until;
        }

        return null;
    }

    private static IReadOnlyDictionary<string, double> Parameters(MappingReader reader, FaultSchema shape)
    {
        var name = shape.Name;
        var node = reader.Optional("params");
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (node is null)
        {
            var required = shape.Parameters.FirstOrDefault(p => p.Default is null);
            if (required is not null)
            {
                throw new HarnessInputException(
                    reader.Location, $"fault '{name}' needs params.{required.ScenarioKey}", Signature(name, shape));
            }
        }
        else
        {
            var section = reader.Describe("params").Trim('\'');
            if (shape.Parameters.Count == 0 && node is YamlMapping { Entries.Count: > 0 } given)
            {
                throw new HarnessInputException(
                    given.Entries[0].Key.Location, $"fault '{name}' takes no parameters", "no 'params' for " + name);
            }

            var p = new MappingReader(node, section);
            foreach (var parameter in shape.Parameters)
            {
                var key = parameter.ScenarioKey;
                var valueNode = parameter.Default is null ? p.Required(key, Signature(name, shape)) : p.Optional(key);
                if (valueNode is not null)
                {
                    var (min, max) = (parameter.ToScenario(parameter.Min), parameter.ToScenario(parameter.Max));
                    values[key] = YamlValues.Number(valueNode, p.Describe(key), min, max);
                }
            }

            p.Finish();
        }

        foreach (var parameter in shape.Parameters)
        {
            values.TryAdd(parameter.ScenarioKey, parameter.Default is { } d ? parameter.ToScenario(d) : double.NaN);
        }

        return values;
    }

    private static string Signature(string name, FaultSchema shape) =>
        shape.Parameters.Count == 0
            ? $"{name} takes no params"
            : $"{name} params {{{string.Join(", ", shape.Parameters.Select(Describe))}}}";

    private static string Describe(FaultParameter p) =>
        p.Default is { } d ? $"{p.ScenarioKey} (default {YamlValues.Show(p.ToScenario(d))})" : p.ScenarioKey;
}
