namespace BarHarness.TestServer.Oracle;

/// <summary>The fields of every message and object of SCHEMA.md §5 and §6, with the rule each belongs to.</summary>
internal static class MessageShapes
{
    public static readonly string[] Details = ["minimal", "standard", "comprehensive"];

    public static readonly string[] DropReasons = ["queue_full", "disconnect", "reconnect"];

    public static readonly string[] SnapshotReasons = ["connect", "interval", "resync", "detail"];

    public static readonly FieldSpec[] Hello =
    [
        new("protocol", FieldType.String),
        new("widget_version", FieldType.String),
        new("detail", FieldType.String, OneOf: Details),
        new("framing", FieldType.String, OneOf: ["newline", "length"]),
        new("rate", FieldType.Integer),
        new("game_name", FieldType.String),
        new("local", FieldType.Object),
        new("map", FieldType.Object),
        new("unit_defs", FieldType.Array),
    ];

    public static readonly FieldSpec[] Local =
    [
        new("player_id", FieldType.Integer), new("team_id", FieldType.Integer), new("ally_team_id", FieldType.Integer),
        new("spectator", FieldType.Boolean), new("full_view", FieldType.Boolean),
    ];

    public static readonly FieldSpec[] Map =
    [
        new("name", FieldType.String), new("size_x", FieldType.NumberOrNull), new("size_z", FieldType.NumberOrNull),
    ];

    public static readonly FieldSpec[] UnitDef =
    [
        new("id", FieldType.Integer), new("name", FieldType.String), new("human_name", FieldType.String),
        new("metal_cost", FieldType.NumberOrNull), new("energy_cost", FieldType.NumberOrNull),
        new("build_time", FieldType.NumberOrNull), new("health", FieldType.NumberOrNull),
        new("speed", FieldType.NumberOrNull), new("is_building", FieldType.Boolean),
        new("is_factory", FieldType.Boolean), new("can_fly", FieldType.Boolean),
    ];

    public static readonly FieldSpec[] Snapshot =
    [
        new("protocol", FieldType.String),
        new("reason", FieldType.String, OneOf: SnapshotReasons),
        new("detail", FieldType.String, OneOf: Details),
        new("sample_window", FieldType.Integer),
        new("game", FieldType.Object),
        new("players", FieldType.Array),
        new("teams", FieldType.Array),
        new("units", FieldType.Array),
    ];

    public static readonly FieldSpec[] Delta =
    [
        new("detail", FieldType.String, OneOf: Details),
        new("sample_window", FieldType.Integer),
        new("created", FieldType.Array),
        new("updated", FieldType.Array),
        new("destroyed", FieldType.Array),
        new("left_los", FieldType.Array),
        new("teams", FieldType.Array),
        new("players", FieldType.Array, Required: false),
        new("game", FieldType.Object, Required: false),
    ];

    public static readonly FieldSpec[] Heartbeat = [new("paused", FieldType.Boolean)];

    public static readonly FieldSpec[] Status = [new("status", FieldType.Object)];

    public static readonly FieldSpec[] StatusObject = [new("reason", FieldType.String), new("state", FieldType.String)];

    /// <summary>Every detail level: id, def, team and position.</summary>
    public static readonly FieldSpec[] UnitMinimal =
    [
        new("id", FieldType.Integer), new("def", FieldType.IntegerOrNull), new("team", FieldType.Integer),
        new("x", FieldType.IntegerOrNull), new("y", FieldType.IntegerOrNull), new("z", FieldType.IntegerOrNull),
    ];

    /// <summary>Standard and comprehensive detail add health and build progress.</summary>
    public static readonly FieldSpec[] UnitStandard =
    [
        new("hp", FieldType.IntegerOrNull), new("max_hp", FieldType.IntegerOrNull), new("bp", FieldType.NumberOrNull),
    ];

    /// <summary>Comprehensive detail adds velocity and heading.</summary>
    public static readonly FieldSpec[] UnitComprehensive =
    [
        new("vx", FieldType.NumberOrNull), new("vy", FieldType.NumberOrNull), new("vz", FieldType.NumberOrNull),
        new("heading", FieldType.IntegerOrNull),
    ];

    public static readonly FieldSpec[] Team =
    [
        new("id", FieldType.Integer), new("ally_team", FieldType.Integer), new("dead", FieldType.Boolean),
        new("metal", FieldType.ObjectOrNull), new("energy", FieldType.ObjectOrNull),
    ];

    public static readonly FieldSpec[] Resource =
    [
        new("current", FieldType.NumberOrNull), new("income", FieldType.NumberOrNull),
        new("expense", FieldType.NumberOrNull), new("storage", FieldType.NumberOrNull),
        new("share", FieldType.NumberOrNull),
    ];

    public static readonly FieldSpec[] Game =
    [
        new("frame", FieldType.Integer), new("seconds", FieldType.Number), new("speed", FieldType.NumberOrNull),
        new("wanted_speed", FieldType.NumberOrNull), new("paused", FieldType.Boolean),
    ];

    public static readonly FieldSpec[] Player =
    [
        new("id", FieldType.Integer), new("team", FieldType.Integer), new("ally_team", FieldType.Integer),
        new("name", FieldType.String), new("spectator", FieldType.Boolean), new("active", FieldType.Boolean),
    ];
}
