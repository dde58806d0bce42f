using System.Globalization;
using System.Text;

namespace BarHarness.TestServer.Tests.Fakes;

/// <summary>Complete widget messages as SCHEMA.md §5 defines them (header fields first, then type and
/// frame).</summary>
internal static class Msg
{
    public const string HelloFields =
        ",\"protocol\":\"1.1\",\"widget_version\":\"1.2.0\",\"detail\":\"standard\",\"framing\":\"newline\","
            + "\"rate\":30,\"game_name\":\"BAR\","
        + "\"local\":{\"player_id\":0,\"team_id\":0,\"ally_team_id\":0,\"spectator\":false,\"full_view\":false},"
        + "\"map\":{\"name\":\"Test\",\"size_x\":8192,\"size_z\":4096},"
        + "\"unit_defs\":[{\"id\":1,\"name\":\"armpw\",\"human_name\":\"Pawn\",\"metal_cost\":54,\"energy_cost\":900,"
            + "\"build_time\":1500,"
        + "\"health\":370,\"speed\":87.5,\"is_building\":false,\"is_factory\":false,\"can_fly\":false}]";

    public static string Game(int frame) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"frame\":{frame},\"seconds\":0.03,\"speed\":1.00,\"wanted_speed\":1.00,\"paused\":false}}");

    public const string Players =
        "[{\"id\":0,\"name\":\"Alice\",\"team\":0,\"ally_team\":0,\"spectator\":false,\"active\":true}]";

    public const string OwnTeam =
        "{\"id\":0,\"ally_team\":0,\"dead\":false,\"metal\":{\"current\":1.0,\"income\":1.0,\"expense\":1.0,"
            + "\"storage\":1.0,\"share\":0.990},"
        + "\"energy\":{\"current\":1.0,\"income\":1.0,\"expense\":1.0,\"storage\":1.0,\"share\":0.990}}";

    public static string Hello(long seq, int frame = 0) => Envelope(seq, frame, "hello", null);

    public static string Snapshot(long seq, int frame, params Unit[] units) => Envelope(seq, frame, "snapshot", units);

    /// <summary>A delta whose units are all in "updated" (SCHEMA.md §5.3).</summary>
    public static string Delta(long seq, int frame, params Unit[] units) =>
        Envelope(seq, frame, "delta", units, unitList: "updated");

    public static string DeltaWithDrops(long seq, int frame, int dropped) => Envelope(seq, frame, "delta", [], dropped);

    public static string Heartbeat(long seq, int frame) => Envelope(seq, frame, "heartbeat", null);

    public static byte[] Line(string json) => Encoding.UTF8.GetBytes(json + "\n");

    /// <summary>A delta with explicit lists (ids for destroyed and left_los).</summary>
    public static string DeltaLists(
        long seq,
        int frame,
        Unit[]? created = null,
        int[]? leftLos = null,
        int[]? destroyed = null,
        int sampleWindow = 0) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{{\"schema_version\":1,\"seq\":{seq},\"type\":\"delta\",\"frame\":{frame},\"detail\":\"standard\","
                + $"\"sample_window\":{sampleWindow},"
            + $"\"created\":[{string.Join(",", (created ?? []).Select(u => u.Json))}],\"updated\":[],"
            + $"\"destroyed\":[{string.Join(",", destroyed ?? [])}],\"left_los\":[{string.Join(",", leftLos ?? [])}],"
                + $"\"teams\":[]}}");

    public static string Envelope(
        long seq,
        int frame,
        string type,
        Unit[]? units,
        int dropped = 0,
        string unitList = "units",
        int sampleWindow = 0,
        string? teams = null)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{{\"schema_version\":1,\"seq\":{seq},");
        if (dropped > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\"dropped\":{dropped},\"drop_reason\":\"queue_full\",");
        }

        sb.Append(CultureInfo.InvariantCulture, $"\"type\":\"{type}\",\"frame\":{frame}");
        var list = string.Join(",", (units ?? []).Select(u => u.Json));
        switch (type)
        {
            case "hello":
                sb.Append(HelloFields);
                break;
            case "snapshot":
                sb.Append(CultureInfo.InvariantCulture,
                    $",\"protocol\":\"1.1\",\"reason\":\"connect\",\"detail\":\"standard\","
                        + $"\"sample_window\":{sampleWindow},\"game\":{Game(frame)},\"players\":{Players},"
                        + $"\"teams\":[{teams ?? OwnTeam}],\"units\":[{list}]");
                break;
            case "delta":
                var created = unitList == "created" ? list : string.Empty;
                var updated = unitList == "created" ? string.Empty : list;
                sb.Append(CultureInfo.InvariantCulture,
                    $",\"detail\":\"standard\",\"sample_window\":{sampleWindow},\"created\":[{created}],"
                        + $"\"updated\":[{updated}],\"destroyed\":[],\"left_los\":[],"
                        + $"\"teams\":[{teams ?? string.Empty}]");
                break;
            case "heartbeat":
                sb.Append(",\"paused\":false");
                break;
            case "status":
                sb.Append(",\"status\":{\"reason\":\"periodic\",\"state\":\"CONNECTED\"}");
                break;
        }

        sb.Append('}');
        return sb.ToString();
    }

    /// <summary>A unit at minimal detail, or at standard detail when it has health.</summary>
    internal sealed record Unit(int Id, int Team, double X, double Y, double Z, double? Hp = null)
    {
        public string Json => string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\":{Id},\"def\":1,\"team\":{Team},\"x\":{X:0},\"y\":{Y:0},"
                + $"\"z\":{Z:0}{(Hp is { } hp ? $",\"hp\":{hp:0},\"max_hp\":{hp:0},\"bp\":1" : string.Empty)}}}");
    }
}
