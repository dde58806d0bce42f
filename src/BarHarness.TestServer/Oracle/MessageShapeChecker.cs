namespace BarHarness.TestServer.Oracle;

/// <summary>
/// Checks that a message carries every field SCHEMA.md §3.6, §5 and §6 require, with the right JSON type
/// (§2.2). A problem repeated across the objects of one message (every unit lacks "x") is reported once,
/// with how many objects have it, so a broken exporter gives one line per message, not one per unit.
/// </summary>
internal sealed class MessageShapeChecker
{
    private readonly Dictionary<(
        string Rule,
        ViolationKind Kind,
        string Problem), (int Count, string Where)> _found = [];

    public delegate void Report(ViolationKind kind, string detail, string rule);

    public void Check(JsonElement root, string type, Report report)
    {
        _found.Clear();
        CheckDropDeclaration(root);
        switch (type)
        {
            case MessageTypes.Hello:
                Fields(root, MessageShapes.Hello, SchemaRules.Hello, "hello");
                Nested(root, "local", MessageShapes.Local, SchemaRules.Hello);
                Nested(root, "map", MessageShapes.Map, SchemaRules.Hello);
                Items(root, "unit_defs", MessageShapes.UnitDef, SchemaRules.Hello);
                break;
            case MessageTypes.Snapshot:
                Fields(root, MessageShapes.Snapshot, SchemaRules.Snapshot, "snapshot");
                UnitMessage(root, ["units"]);
                break;
            case MessageTypes.Delta:
                Fields(root, MessageShapes.Delta, SchemaRules.Delta, "delta");
                UnitMessage(root, ["created", "updated"]);
                Ids(root, "destroyed");
                Ids(root, "left_los");
                break;
            case MessageTypes.Heartbeat:
                Fields(root, MessageShapes.Heartbeat, SchemaRules.Heartbeat, "heartbeat");
                break;
            case MessageTypes.Status:
                Fields(root, MessageShapes.Status, SchemaRules.Status, "status");
                Nested(root, "status", MessageShapes.StatusObject, SchemaRules.Status);
                break;
        }

        foreach (var ((rule, kind, problem), (count, where)) in _found)
        {
            report(kind, count > 1 ? $"{problem} ({count} objects, first {where})" : $"{problem} ({where})", rule);
        }
    }

    private void CheckDropDeclaration(JsonElement root)
    {
        var rule = SchemaRules.DropDeclaration.Id;
        var hasDropped = root.TryGetProperty("dropped", out var dropped);
        var hasReason = root.TryGetProperty("drop_reason", out var reason);
        if (hasDropped && !(dropped.ValueKind == JsonValueKind.Number && dropped.TryGetInt64(out var n) && n >= 1))
        {
            Add(
                rule,
                ViolationKind.BadFieldValue,
                $"\"dropped\" is {dropped.GetRawText()}, expected an integer ≥ 1",
                "envelope");
        }

        if (hasDropped != hasReason)
        {
            Add(
                rule,
                ViolationKind.MissingField,
                hasDropped ? "\"dropped\" without \"drop_reason\"" : "\"drop_reason\" without \"dropped\"",
                "envelope");
        }
        else if (hasReason)
        {
            var spec = new FieldSpec("drop_reason", FieldType.String, OneOf: MessageShapes.DropReasons);
            if (spec.Mismatch(reason) is { } why)
            {
                Add(rule, ViolationKind.BadFieldValue, why, "envelope");
            }
        }
    }

    private void UnitMessage(JsonElement root, string[] unitLists)
    {
        foreach (var list in unitLists)
        {
            if (!root.TryGetProperty(list, out var units) || units.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var unit in units.EnumerateArray())
            {
                CheckUnit(unit, list);
            }
        }

        Items(root, "teams", MessageShapes.Team, SchemaRules.Team);
        foreach (var team in Array(root, "teams"))
        {
            Nested(team, "metal", MessageShapes.Resource, SchemaRules.Team);
            Nested(team, "energy", MessageShapes.Resource, SchemaRules.Team);
        }

        Items(root, "players", MessageShapes.Player, SchemaRules.Player);
        Nested(root, "game", MessageShapes.Game, SchemaRules.Game);
    }

    /// <summary>§6.1: every field of one detail level; a unit with any field of a level has all of that
    /// level's.</summary>
    private void CheckUnit(JsonElement unit, string list)
    {
        var rule = SchemaRules.Unit.Id;
        if (unit.ValueKind != JsonValueKind.Object)
        {
            Add(
                rule,
                ViolationKind.BadFieldValue,
                $"an item of \"{list}\" is a {unit.ValueKind}, not a unit object",
                list);
            return;
        }

        var where = unit.TryGetProperty("id", out var id) ? $"{list} unit {id.GetRawText()}" : list;
        Fields(unit, MessageShapes.UnitMinimal, SchemaRules.Unit, where, perObject: list);
        var comprehensive = AnyOf(unit, MessageShapes.UnitComprehensive);
        var standard = comprehensive || AnyOf(unit, MessageShapes.UnitStandard);
        if (standard)
        {
            Fields(unit, MessageShapes.UnitStandard, SchemaRules.Unit, where, perObject: list);
        }

        if (comprehensive)
        {
            Fields(unit, MessageShapes.UnitComprehensive, SchemaRules.Unit, where, perObject: list);
        }
    }

    private static bool AnyOf(JsonElement obj, FieldSpec[] fields)
    {
        foreach (var f in fields)
        {
            if (obj.TryGetProperty(f.Name, out _))
            {
                return true;
            }
        }

        return false;
    }

    private void Ids(JsonElement root, string list)
    {
        foreach (var id in Array(root, list))
        {
            if (id.ValueKind != JsonValueKind.Number || !id.TryGetInt32(out _))
            {
                Add(
                    SchemaRules.Delta.Id,
                    ViolationKind.BadFieldValue,
                    $"\"{list}\" holds {id.GetRawText()}, expected unit ids (integers)",
                    list);
            }
        }
    }

    private void Items(JsonElement root, string list, FieldSpec[] fields, SchemaRule rule)
    {
        foreach (var item in Array(root, list))
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                Add(
                    rule.Id,
                    ViolationKind.BadFieldValue,
                    $"an item of \"{list}\" is a {item.ValueKind}, not an object",
                    list);
                continue;
            }

            var where = item.TryGetProperty("id", out var id) ? $"{list} id {id.GetRawText()}" : list;
            Fields(item, fields, rule, where, perObject: list);
        }
    }

    private void Nested(JsonElement root, string name, FieldSpec[] fields, SchemaRule rule)
    {
        if (root.TryGetProperty(name, out var obj) && obj.ValueKind == JsonValueKind.Object)
        {
            Fields(obj, fields, rule, name, perObject: name);
        }
    }

    private void Fields(JsonElement obj, FieldSpec[] fields, SchemaRule rule, string where, string? perObject = null)
    {
        var prefix = perObject is null ? string.Empty : perObject + ": ";
        foreach (var field in fields)
        {
            if (!obj.TryGetProperty(field.Name, out var value))
            {
                if (field.Required)
                {
                    Add(rule.Id, ViolationKind.MissingField, $"{prefix}no \"{field.Name}\"", where);
                }

                continue;
            }

            if (!field.Required && value.ValueKind == JsonValueKind.Null)
            {
                Add(
                    SchemaRules.OptionalAbsent.Id,
                    ViolationKind.BadFieldValue,
                    $"{prefix}optional \"{field.Name}\" is null; absent when it does not apply",
                    where);
                continue;
            }

            if (field.Mismatch(value) is { } why)
            {
                // A wrong type is §2.2 wherever it is; the field's own section says which field.
                Add(rule.Id, ViolationKind.BadFieldValue, prefix + why, where);
            }
        }
    }

    private void Add(string rule, ViolationKind kind, string problem, string where)
    {
        var key = (rule, kind, problem);
        _found[key] = _found.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.Where) : (1, where);
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];
}
