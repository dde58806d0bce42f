using System.Globalization;
using System.Text;
using BarHarness.TestServer.Faults;
using FsCheck;
using FsCheck.Fluent;

namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>A timed fault of the test server, as written in a scenario's faults list.</summary>
internal sealed record FaultEvent(string Name, int AtMs, int DurationMs, string Params);

/// <summary>A game event (speed change, pause, unpause) at a time; a pause may stay unmatched to the end.</summary>
internal sealed record GameEventCase(int AtMs, string Action, double Speed);

/// <summary>
/// One generated world timeline and fault schedule. Its text form is the scenario YAML itself, so a
/// failing case printed by FsCheck can be saved as a scenario file and run with `barharness run`.
/// </summary>
internal sealed record WorldTimelineCase(
    ulong Seed,
    int DurationSeconds,
    int Teams,
    int InitialUnits,
    double ChurnPerSecond,
    double LosChangesPerSecond,
    double MovingShare,
    IReadOnlyList<GameEventCase> Events,
    IReadOnlyList<FaultEvent> Faults)
{
    public string ToYaml()
    {
        var c = CultureInfo.InvariantCulture;
        var yaml = new StringBuilder();
        yaml.AppendLine("name: property-case");
        yaml.AppendLine(c, $"seed: {Seed}");
        yaml.AppendLine(c, $"duration: {DurationSeconds}s");
        yaml.AppendLine(c, $"world: {{ally_teams: 2, teams: {Teams}}}");
        yaml.AppendLine("units:");
        yaml.AppendLine(c, $"  initial: {InitialUnits}");
        yaml.AppendLine(c, $"  churn_per_second: {ChurnPerSecond}");
        yaml.AppendLine(c, $"  moving_share: {MovingShare}");
        yaml.AppendLine(c, $"  los: {{changes_per_second: {LosChangesPerSecond}, moving_enemies: true}}");
        if (Events.Count > 0)
        {
            yaml.AppendLine("events:");
            foreach (var e in Events)
            {
                yaml.AppendLine(e.Action == "speed"
                    ? string.Create(c, $"  - {{at: {e.AtMs}ms, action: speed, speed: {e.Speed}}}")
                    : string.Create(c, $"  - {{at: {e.AtMs}ms, action: {e.Action}}}"));
            }
        }

        if (Faults.Count > 0)
        {
            yaml.AppendLine("faults:");
            foreach (var f in Faults)
            {
                var window = f.DurationMs > 0 ? string.Create(c, $", duration: {f.DurationMs}ms") : string.Empty;
                var parameters = f.Params.Length > 0 ? $", params: {{{f.Params}}}" : string.Empty;
                yaml.AppendLine(c, $"  - {{name: {f.Name}, at: {f.AtMs}ms{window}{parameters}}}");
            }
        }

        return yaml.ToString();
    }

    public override string ToString() => $"seed {Seed}; save as a scenario file to reproduce:\n{ToYaml()}";
}

/// <summary>FsCheck generators for world timelines and fault schedules (small worlds, so CI stays fast).</summary>
internal static class WorldTimelineGen
{
    private const int DurationSeconds = 8;
    private const int DurationMs = DurationSeconds * 1000;

    /// <summary>
    /// Parameters that make a fault bite in a short run; a fault not named here runs with its defaults.
    /// </summary>
    public static readonly (string Fault, string Parameters)[] BitingParameters =
    [
        ("reset_peer", "timeout_ms: 200"),
        ("restart", "delay_s: 1"),
        ("latency", "latency_ms: 300, jitter_ms: 100"),
        ("bandwidth", "rate_kbps: 4"),
        ("slicer", "average_size: 16, size_variation: 8"),
        ("limit_data", "bytes: 20000"),
        ("slow_close", "delay_ms: 500"),
        ("timeout", "timeout_ms: 0"),
        ("garbage", "bytes: 300, line_length: 40"),
    ];

    // Every fault of the test server's catalog, so a fault added there is generated here without an edit;
    // sorted by name, so a seed picks the same faults whatever order reflection finds them in.
    private static readonly (string Name, bool Instant, string Params)[] FaultKinds = FaultCatalog.Default.Schemas
        .OrderBy(schema => schema.Name, StringComparer.Ordinal)
        .Select(schema => (schema.Name, schema.IsInstant, BitingParametersOf(schema.Name)))
        .ToArray();

    public static Gen<FaultEvent> Fault =>
        from kind in Gen.Elements(FaultKinds)
        from at in Gen.Choose(200, DurationMs - 1000)
        from length in Gen.Choose(200, 4000)
        select new FaultEvent(kind.Name, at, kind.Instant ? 0 : Math.Min(length, DurationMs - 100 - at), kind.Params);

    private static string BitingParametersOf(string fault) =>
        BitingParameters.FirstOrDefault(b => b.Fault == fault).Parameters ?? string.Empty;

    public static Gen<GameEventCase> GameEvent =>
        from at in Gen.Choose(100, DurationMs - 500)
        from action in Gen.Elements("speed", "speed", "pause", "unpause")
        from speed in Gen.Elements(0.25, 0.5, 1.0, 2.0, 5.0, 10.0)
        select new GameEventCase(at, action, speed);

    public static Gen<WorldTimelineCase> Case =>
        from seed in Gen.Choose(1, int.MaxValue)
        from teams in Gen.Elements(2, 4)
        from initial in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 60)), (2, Gen.Choose(61, 300)))
        from churn in Gen.Elements(0.0, 1.0, 5.0, 20.0)
        from los in Gen.Elements(0.0, 2.0, 10.0, 40.0)
        from moving in Gen.Elements(0.0, 0.3, 1.0)
        from events in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(GameEvent, n))
        from faults in Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(Fault, n))
        select new WorldTimelineCase(
            (ulong)seed,
            DurationSeconds,
            teams,
            initial,
            churn,
            los,
            moving,
            events.OrderBy(e => e.AtMs).ToList(),
            faults.OrderBy(f => f.AtMs).ToList());
}
