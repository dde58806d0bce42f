namespace BarHarness.Scenarios.Definition.Loading;

/// <summary>
/// The player's actions in <c>events:</c>: <c>select {count, append}</c>, <c>order {command, to | params,
/// shift, unit}</c>, <c>key {key, mods}</c>, <c>click {x, y, button}</c>, <c>wheel {up, value}</c>,
/// <c>type {text}</c>, <c>resize {width, height}</c>, <c>spawn {unit, team, count}</c>.
/// </summary>
internal static class PlayerActionReaders
{
    private static readonly IReadOnlyDictionary<string, string> Commands =
        YamlValues.Names([.. OrderUnits.CommandIdsByName.Keys, "build"]);

    private static readonly IReadOnlyDictionary<string, string> Modifiers = YamlValues.Names(
        "alt", "ctrl", "meta", "shift");

    public static Func<double, GameEvent> Read(string action, MappingReader reader) => action switch
    {
        "select" => Select(reader),
        "order" => Order(reader),
        "key" => Key(reader),
        "click" => Click(reader),
        "wheel" => Wheel(reader),
        "type" => Type(reader),
        "resize" => Resize(reader),
        _ => Spawn(reader),
    };

    private static Func<double, GameEvent> Select(MappingReader reader)
    {
        var count = YamlValues.Integer(reader.Required("count", "how many of the player's units (0 clears)"),
            reader.Describe("count"), 0, 100_000);
        var append = reader.Read("append", false, YamlValues.Bool);
        var unit = reader.Optional("unit") is { } u ? KnownUnit(u, reader.Describe("unit")) : null;
        return t => new SelectUnits(t, count, append, unit);
    }

    private static Func<double, GameEvent> Order(MappingReader reader)
    {
        var command = YamlValues.Choice(reader.Required("command", "one of " + string.Join(", ", Commands.Keys)),
            reader.Describe("command"), Commands);
        var shift = reader.Read("shift", false, YamlValues.Bool);
        var parameters = reader.Optional("to") is { } to ? Position(to, reader.Describe("to"))
            : reader.Optional("params") is { } p ? Numbers(p, reader.Describe("params")) : [];
        string? unit = null;
        if (command == "build")
        {
            var unitNode = reader.Required("unit", "the unit def name to build, e.g. armpw");
            unit = KnownUnit(unitNode, reader.Describe("unit"));
        }

        if (command is "move" or "patrol" or "fight" && parameters.Length < 3)
        {
            throw new HarnessInputException(reader.Location, $"'{command}' needs a place",
                "to: [x, z] (elmos on the map)");
        }

        return t => new OrderUnits(t, command, parameters, shift, unit);
    }

    private static Func<double, GameEvent> Key(MappingReader reader)
    {
        var node = reader.Required("key", "an SDL key code, or a single character such as a or \"1\"");
        int code;
        if (node is YamlScalar { Value.Length: 1 } single && (!single.IsPlain || !char.IsDigit(single.Value[0])))
        {
            code = char.ToLowerInvariant(single.Value[0]);
        }
        else
        {
            code = YamlValues.Integer(node, reader.Describe("key"), 0, 0x4000_0000 + 512);
        }

        var mods = new List<string>();
        if (reader.Optional("mods") is { } modsNode)
        {
            foreach (var item in YamlValues.Sequence(modsNode, reader.Describe("mods")).Items)
            {
                mods.Add(YamlValues.Choice(item, reader.Describe("mods"), Modifiers));
            }
        }

        return t => new PressKey(t, code, mods);
    }

    private static Func<double, GameEvent> Click(MappingReader reader)
    {
        var x = YamlValues.Integer(reader.Required("x", "a screen x in pixels"), reader.Describe("x"), 0, 16384);
        var y = YamlValues.Integer(reader.Required("y", "a screen y in pixels"), reader.Describe("y"), 0, 16384);
        var button = reader.Read("button", 1, (n, w) => YamlValues.Integer(n, w, 1, 5));
        return t => new ClickMouse(t, x, y, button);
    }

    private static Func<double, GameEvent> Wheel(MappingReader reader)
    {
        var up = reader.Read("up", true, YamlValues.Bool);
        var value = reader.Read("value", 1.0, (n, w) => YamlValues.Number(n, w, -100, 100));
        return t => new TurnWheel(t, up, value);
    }

    private static Func<double, GameEvent> Type(MappingReader reader)
    {
        var text = YamlValues.String(reader.Required("text", "the text typed"), reader.Describe("text"));
        return t => new TypeText(t, text);
    }

    private static Func<double, GameEvent> Resize(MappingReader reader)
    {
        var width = YamlValues.Integer(reader.Required("width", "pixels"), reader.Describe("width"), 320, 16384);
        var height = YamlValues.Integer(reader.Required("height", "pixels"), reader.Describe("height"), 200, 16384);
        return t => new ResizeView(t, width, height);
    }

    private static Func<double, GameEvent> Spawn(MappingReader reader)
    {
        var unit = KnownUnit(reader.Required("unit", "a BAR unit name, e.g. armcom"), reader.Describe("unit"));
        var team = reader.Read("team", 0, (n, w) => YamlValues.Integer(n, w, 0, 255));
        var count = reader.Read("count", 1, (n, w) => YamlValues.Integer(n, w, 1, 5000));
        return t => new SpawnUnits(t, unit, team, count);
    }

    private static string KnownUnit(YamlNode node, string what)
    {
        var name = YamlValues.String(node, what);
        if (BarUnitDefs.ByName(name) is null)
        {
            throw new HarnessInputException(node.Location, $"no unit named '{name}' in the harness's BAR unit list",
                "a BAR unit name such as " + string.Join(", ", BarUnitDefs.All.Take(6).Select(d => d.Name)));
        }

        return name;
    }

    private static double[] Position(YamlNode node, string what)
    {
        var xs = Numbers(node, what);
        return xs.Length switch
        {
            2 => [xs[0], 0, xs[1]],
            3 => xs,
            _ => throw YamlValues.Wrong(node, what, "[x, z] or [x, y, z]"),
        };
    }

    private static double[] Numbers(YamlNode node, string what) =>
        YamlValues.Sequence(node, what).Items.Select(i => YamlValues.Number(i, what, -1e9, 1e9)).ToArray();
}
