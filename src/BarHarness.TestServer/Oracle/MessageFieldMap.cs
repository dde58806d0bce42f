namespace BarHarness.TestServer.Oracle;

/// <summary>
/// Names of the fields the oracle reads, in one place, aligned with widget/SCHEMA.md (schema 1):
/// envelope <c>schema_version, seq, type, frame, dropped</c>; a snapshot lists every visible unit
/// in <c>units</c>, a delta lists <c>created</c> and <c>updated</c> units and removes ids in
/// <c>destroyed</c> and <c>left_los</c>; unit objects carry <c>id, team, x, y, z, hp</c>.
/// Units may also come as an object keyed by unit id; position as an array field when
/// <see cref="PositionArray"/> is set.
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

    /// <summary>Frames before <see cref="Frame"/> within which the message's unit values were sampled.</summary>
    public string SampleWindow { get; init; } = "sample_window";

    /// <summary>Lists of unit objects a message may carry (snapshot: units; delta: created, updated).</summary>
    public IReadOnlyList<string> UnitLists { get; init; } = ["units", "created", "updated"];

    /// <summary>Lists of unit ids a delta removes from the client's picture.</summary>
    public IReadOnlyList<string> RemovedUnitLists { get; init; } = ["destroyed", "left_los"];

    public string UnitId { get; init; } = "id";

    public string Team { get; init; } = "team";

    public string? PositionArray { get; init; }

    public string X { get; init; } = "x";

    public string Y { get; init; } = "y";

    public string Z { get; init; } = "z";

    public string Health { get; init; } = "hp";
}
