namespace BarHarness.TestServer.Oracle;

/// <summary>One numbered rule of widget/SCHEMA.md.</summary>
/// <param name="Id">The section number, e.g. "§3.2".</param>
/// <param name="Summary">What the rule demands, in a few words.</param>
/// <param name="NeedsTruth">Only the engine's ground truth can check it (not <c>conform</c>, not <c>serve</c>).</param>
public sealed record SchemaRule(string Id, string Summary, bool NeedsTruth = false);

/// <summary>
/// The numbered rules of widget/SCHEMA.md the oracle checks, one for one. A violation names its rule
/// (<see cref="StreamViolation.RuleId"/>); a shape violation names the section of the field it concerns.
/// </summary>
public static class SchemaRules
{
    public static readonly SchemaRule Json = new("§1.2", "each message is one JSON object in valid UTF-8");
    public static readonly SchemaRule Framing = new("§1.3", "messages are framed intact (newline or 4-byte length)");
    public static readonly SchemaRule WholeMessages =
        new("§1.4", "the widget never ends a connection inside a message");
    public static readonly SchemaRule Types =
        new("§2.2", "every field has the schema's JSON type; NaN and infinities are null");
    public static readonly SchemaRule OptionalAbsent =
        new("§2.3", "an optional field that does not apply is absent, not null");
    public static readonly SchemaRule Envelope = new("§3.1", "schema_version 1, seq, type and frame on every message");
    public static readonly SchemaRule FrameOrder = new("§3.2", "frame never goes backwards on a connection");
    public static readonly SchemaRule FrameWindow =
        new("§3.3", "frame is the game frame the message was built at, never ahead of the game", NeedsTruth: true);
    public static readonly SchemaRule SeqOnConnection =
        new("§3.4", "on a connection each seq is the previous plus one (mod 2^24)");
    public static readonly SchemaRule SeqAcrossConnections =
        new("§3.5", "a new connection continues seq forward, or restarts at 0");
    public static readonly SchemaRule DropDeclaration =
        new("§3.6", "every discarded message is declared by dropped and drop_reason on the next message");
    public static readonly SchemaRule ResyncAfterDrop =
        new("§3.7", "after a declared drop the next unit message is a snapshot");
    public static readonly SchemaRule HelloFirst = new("§4.1", "hello first and only once on every connection");
    public static readonly SchemaRule SnapshotFirst =
        new("§4.2", "the first unit message on every connection is a snapshot");
    public static readonly SchemaRule Hello = new("§5.1", "hello carries its fields");
    public static readonly SchemaRule Snapshot = new("§5.2", "snapshot carries its fields");
    public static readonly SchemaRule Delta = new("§5.3", "delta carries its fields");
    public static readonly SchemaRule Heartbeat = new("§5.4", "heartbeat carries paused");
    public static readonly SchemaRule Status = new("§5.5", "status carries its object");
    public static readonly SchemaRule Unit = new("§6.1", "a unit object carries every field of one detail level");
    public static readonly SchemaRule Team = new("§6.2", "a team object carries its fields");
    public static readonly SchemaRule Game = new("§6.3", "a game object carries its fields");
    public static readonly SchemaRule Player = new("§6.4", "a player object carries its fields");
    public static readonly SchemaRule Accuracy =
        new("§7.1", "every value matches the engine at some frame of the sample window", NeedsTruth: true);
    public static readonly SchemaRule KnownUnits =
        new("§7.2", "every unit named exists in the engine at that frame", NeedsTruth: true);
    public static readonly SchemaRule Coverage =
        new("§7.3", "no visible unit absent from or stale in the picture for more than 90 frames", NeedsTruth: true);
    public static readonly SchemaRule NoGhosts =
        new("§7.4", "no unit the player cannot see kept in the picture for more than 90 frames", NeedsTruth: true);
    public static readonly SchemaRule Privacy =
        new("§8.1", "nothing the player cannot see: units, ids, enemy resources", NeedsTruth: true);
    public static readonly SchemaRule Accounting =
        new("§1.5", "bytes sent = bytes received + bytes lost at disconnects", NeedsTruth: true);

    public static IReadOnlyList<SchemaRule> All { get; } =
    [
        Json, Framing, WholeMessages, Accounting, Types, OptionalAbsent, Envelope, FrameOrder, FrameWindow,
        SeqOnConnection,
        SeqAcrossConnections, DropDeclaration, ResyncAfterDrop, HelloFirst, SnapshotFirst, Hello, Snapshot, Delta,
        Heartbeat, Status, Unit, Team, Game, Player, Accuracy, KnownUnits, Coverage, NoGhosts, Privacy,
    ];

    /// <summary>The rule a violation of this kind breaks, unless the violation names a more precise one.</summary>
    public static SchemaRule Of(ViolationKind kind) => kind switch
    {
        ViolationKind.InvalidJson or ViolationKind.PercentQEscape => Json,
        ViolationKind.BadFraming => Framing,
        ViolationKind.TruncatedMessage => WholeMessages,
        ViolationKind.MissingField or ViolationKind.SchemaVersionMismatch
            or ViolationKind.UnknownMessageType => Envelope,
        ViolationKind.BadFieldValue => Types,
        ViolationKind.MissingSnapshotAfterReconnect => SnapshotFirst,
        ViolationKind.MissingSnapshotAfterDrop => ResyncAfterDrop,
        ViolationKind.UndeclaredSeqGap => SeqOnConnection,
        ViolationKind.SeqRegression => SeqOnConnection,
        ViolationKind.PrivacyLeak => Privacy,
        ViolationKind.InaccurateValue => Accuracy,
        ViolationKind.StaleUnit => Coverage,
        ViolationKind.UnknownUnit => KnownUnits,
        ViolationKind.Accounting => Accounting,
        ViolationKind.FrameRegression => FrameOrder,
        ViolationKind.StampOutOfWindow => FrameWindow,
        ViolationKind.MessageOrder => HelloFirst,
        ViolationKind.SilentLoss => DropDeclaration,
        ViolationKind.GhostUnit => NoGhosts,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no rule"),
    };

    public static SchemaRule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
