namespace BarHarness.TestServer.Oracle;

/// <summary>
/// One unit as a message exported it. An absent field is null; a field sent as JSON <c>null</c> (the engine's
/// value was not finite or out of range, SCHEMA §2.3) is <see cref="double.NaN"/>.
/// </summary>
internal sealed record ExportedUnit(
    int UnitId,
    int? Team,
    double? X,
    double? Y,
    double? Z,
    double? Health,
    bool HasLosOnlyData)
{
    public double? Def { get; init; }

    public double? MaxHealth { get; init; }

    public double? BuildProgress { get; init; }

    /// <summary>Every unit object of a message, from each of the map's unit lists.</summary>
    public static IEnumerable<ExportedUnit> ReadAll(JsonElement root, MessageFieldMap f) =>
        f.UnitLists.SelectMany(list => ReadList(root, list, f));

    /// <summary>Unit ids a message removes (destroyed, left line of sight).</summary>
    public static IEnumerable<int> ReadRemoved(JsonElement root, MessageFieldMap f)
    {
        foreach (var list in f.RemovedUnitLists)
        {
            if (root.TryGetProperty(list, out var ids) && ids.ValueKind == JsonValueKind.Array)
            {
                foreach (var id in ids.EnumerateArray())
                {
                    if (id.ValueKind == JsonValueKind.Number && id.TryGetInt32(out var unitId))
                    {
                        yield return unitId;
                    }
                }
            }
        }
    }

    /// <summary>One list: an array of objects with an id, or an object keyed by id.</summary>
    private static IEnumerable<ExportedUnit> ReadList(JsonElement root, string listName, MessageFieldMap f)
    {
        if (!root.TryGetProperty(listName, out var units))
        {
            yield break;
        }

        if (units.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in units.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && Id(item, f.UnitId) is { } id)
                {
                    yield return Read((int)id, item, f);
                }
            }
        }
        else if (units.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in units.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var id = Id(property.Value, f.UnitId)
                    ?? (int.TryParse(
                        property.Name,
                        NumberStyles.Integer,
                        CultureInfo.InvariantCulture,
                        out var key) ? key : null);
                if (id is { } unitId)
                {
                    yield return Read((int)unitId, property.Value, f);
                }
            }
        }
    }

    private static ExportedUnit Read(int id, JsonElement unit, MessageFieldMap f)
    {
        double? x = null,
            y = null,
            z = null;
        if (
            f.PositionArray is { } posName
            && unit.TryGetProperty(posName, out var pos)
            && pos.ValueKind == JsonValueKind.Array)
        {
            var coords = pos.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN).Select(v => (double?)v)
                .ToArray();
            x = coords.ElementAtOrDefault(0);
            y = coords.ElementAtOrDefault(1);
            z = coords.ElementAtOrDefault(2);
        }
        else
        {
            x = Number(unit, f.X);
            y = Number(unit, f.Y);
            z = Number(unit, f.Z);
        }

        var team = Number(unit, f.Team);
        var health = Number(unit, f.Health);
        return new ExportedUnit(
            id,
            team is { } t && !double.IsNaN(t) ? (int)t : null,
            x,
            y,
            z,
            health,
            health is not null)
        {
            Def = Number(unit, "def"),
            MaxHealth = Number(unit, "max_hp"),
            BuildProgress = Number(unit, "bp"),
        };
    }

    private static double? Id(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var id)
            ? id
            : null;

    /// <summary>The field's number; NaN for JSON null (and any non-number); null when absent.</summary>
    private static double? Number(JsonElement obj, string name) =>
        !obj.TryGetProperty(name, out var e) ? null
        : e.ValueKind == JsonValueKind.Number ? e.GetDouble()
        : double.NaN;
}
