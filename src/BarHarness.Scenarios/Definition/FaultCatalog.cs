namespace BarHarness.Scenarios.Definition;

/// <summary>
/// What each fault accepts: its parameters with ranges and defaults (null default: required), and
/// whether it is instant or a window. The loader validates scenario files against this table; the
/// test server's fault types read their parameters by these names.
/// </summary>
public static class FaultCatalog
{
    private static readonly Dictionary<FaultKind, FaultShape> Shapes = new()
    {
        [FaultKind.Down] = Window(),
        [FaultKind.Disconnect] = Instant(),
        [FaultKind.ResetPeer] = Window(new FaultParameter("timeout_ms", 0, 600_000, 0, "timeout")),
        [FaultKind.Restart] = Instant(new FaultParameter("delay_s", 0, 3600, 1, "delay", 1000)),
        [FaultKind.Latency] = Window(new FaultParameter("latency_ms", 0, 600_000, null, "latency"), new FaultParameter("jitter_ms", 0, 600_000, 0, "jitter")),
        [FaultKind.Bandwidth] = Window(new FaultParameter("rate_kbps", 0.001, 10_000_000, null, "rate")),
        [FaultKind.StopRead] = Window(),
        [FaultKind.Slicer] = Window(
            new FaultParameter("average_size", 1, 1 << 20, null, "average_size"),
            new FaultParameter("size_variation", 0, 1 << 20, 0, "size_variation"),
            new FaultParameter("delay_us", 0, 60_000_000, 0, "delay")),
        [FaultKind.LimitData] = Window(new FaultParameter("bytes", 0, int.MaxValue, null, "bytes")),
        [FaultKind.SlowClose] = Window(new FaultParameter("delay_ms", 0, 600_000, null, "delay")),
        [FaultKind.Timeout] = Window(new FaultParameter("timeout_ms", 0, 600_000, 0, "timeout")),
        [FaultKind.Garbage] = Instant(new FaultParameter("bytes", 1, 16 << 20, null, "bytes"), new FaultParameter("line_length", 0, 1 << 20, 80, "line_length")),
    };

    private static readonly Dictionary<string, FaultKind> ByName =
        Enum.GetValues<FaultKind>().ToDictionary(NameOf, k => k, StringComparer.Ordinal);

    /// <summary>Fault names as written in scenario files, in declaration order.</summary>
    public static IReadOnlyDictionary<string, FaultKind> Names => ByName;

    public static FaultShape Get(FaultKind kind) => Shapes[kind];

    /// <summary>snake_case name: <c>ResetPeer</c> is "reset_peer".</summary>
    public static string NameOf(FaultKind kind)
    {
        var text = kind.ToString();
        var builder = new System.Text.StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsUpper(text[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(text[i]));
        }

        return builder.ToString();
    }

    private static FaultShape Window(params FaultParameter[] parameters) => new(false, parameters);

    private static FaultShape Instant(params FaultParameter[] parameters) => new(true, parameters);
}

/// <summary>A fault's parameters and whether it happens once (instant) or over a window of time.</summary>
public sealed record FaultShape(bool IsInstant, IReadOnlyList<FaultParameter> Parameters);

/// <summary>
/// One parameter of a fault: inclusive range and default (null: the scenario must give it). Scenario
/// files name parameters with their unit (<c>delay_s</c>); the test server's fault types take
/// Toxiproxy's names and units (<c>delay</c> in ms): <see cref="ServerName"/> and
/// <see cref="ServerScale"/> translate.
/// </summary>
public sealed record FaultParameter(string Name, double Min, double Max, double? Default, string ServerName, double ServerScale = 1);
