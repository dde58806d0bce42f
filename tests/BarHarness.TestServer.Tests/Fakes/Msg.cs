using System.Globalization;
using System.Text;

namespace BarHarness.TestServer.Tests.Fakes;

/// <summary>Widget messages as protocol.lua builds them (header fields first, then type and frame).</summary>
internal static class Msg
{
    public static string Hello(long seq, int frame = 0) => Envelope(seq, frame, "hello", null);

    public static string Snapshot(long seq, int frame, params Unit[] units) => Envelope(seq, frame, "snapshot", units);

    /// <summary>A delta whose units are all in "updated" (SCHEMA.md §5.3).</summary>
    public static string Delta(long seq, int frame, params Unit[] units) => Envelope(seq, frame, "delta", units, unitList: "updated");

    public static string DeltaWithDrops(long seq, int frame, int dropped) => Envelope(seq, frame, "delta", [], dropped);

    public static string Heartbeat(long seq, int frame) => Envelope(seq, frame, "heartbeat", null);

    public static byte[] Line(string json) => Encoding.UTF8.GetBytes(json + "\n");

    public static string Envelope(long seq, int frame, string type, Unit[]? units, int dropped = 0, string unitList = "units", int sampleWindow = 0)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{{\"schema_version\":1,\"seq\":{seq},");
        if (dropped > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\"dropped\":{dropped},\"drop_reason\":\"queue_full\",");
        }

        sb.Append(CultureInfo.InvariantCulture, $"\"type\":\"{type}\",\"frame\":{frame}");
        if (sampleWindow > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $",\"sample_window\":{sampleWindow}");
        }

        if (units is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $",\"{unitList}\":[");
            sb.Append(string.Join(",", units.Select(u => u.Json)));
            sb.Append(']');
        }

        sb.Append('}');
        return sb.ToString();
    }

    internal sealed record Unit(int Id, int Team, double X, double Y, double Z, double? Hp = null)
    {
        public string Json => string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\":{Id},\"def\":1,\"team\":{Team},\"x\":{X:0.0},\"y\":{Y:0.0},\"z\":{Z:0.0}{(Hp is { } hp ? $",\"hp\":{hp:0.0}" : string.Empty)}}}");
    }
}
