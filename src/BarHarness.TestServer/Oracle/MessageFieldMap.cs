namespace BarHarness.TestServer.Oracle;

/// <summary>
/// Names of the fields the oracle reads, kept in one place so they can follow widget/SCHEMA.md.
/// Units may come as an array of objects (each with <see cref="UnitId"/>) or as an object keyed
/// by unit id. Position is either an array field (<see cref="PositionArray"/>, [x, y, z]) or three
/// scalar fields. Defaults follow widget/livedata/protocol.lua (unit objects
/// <c>{"id","def","team","x","y","z","hp",...}</c>, header <c>schema_version, seq, dropped</c>); the
/// name of the unit list is assumed to be "units" until SCHEMA.md says otherwise.
/// </summary>
public sealed record MessageFieldMap
{
    public static readonly MessageFieldMap Default = new();

    public string SchemaVersion { get; init; } = "schema_version";

    public string Type { get; init; } = "type";

    public string Seq { get; init; } = "seq";

    public string Frame { get; init; } = "frame";

    /// <summary>Messages the widget declares it dropped before this one (explains a seq gap).</summary>
    public string Dropped { get; init; } = "dropped";

    public string Units { get; init; } = "units";

    public string UnitId { get; init; } = "id";

    public string Team { get; init; } = "team";

    public string? PositionArray { get; init; }

    public string X { get; init; } = "x";

    public string Y { get; init; } = "y";

    public string Z { get; init; } = "z";

    public string Health { get; init; } = "hp";
}
