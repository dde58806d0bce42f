namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>
/// The short scenarios the mutants are judged by. The clean widget must pass every one of them, so a
/// mutant's failure is the mutation's doing, not the scenario's.
/// </summary>
internal static class MutantScenarios
{
    /// <summary>
    /// Healthy network, 150 units with LOS churn: blocking, loss, privacy, accuracy, spam and budget checks.
    /// Two teams a side give enemy radar cover; the mid-game reload starts a widget among radar blips it has
    /// never seen in LOS (GetAllUnits lists them).
    /// </summary>
    public const string Healthy = """
        name: trust-healthy
        seed: 61001
        duration: 20s
        world: {ally_teams: 2, teams: 4, local_player: {team: 0}}
        units:
          initial: 150
          churn_per_second: 2
          los: {changes_per_second: 4, moving_enemies: true}
        events:
          - {at: 8s, action: reload}
        expectations:
          budget: {p99_ms: 1, after_s: 2}
          oracle: {accuracy: true}
          max_console_lines_per_min: 20
        """;

    /// <summary>The server drops the connection twice: every new connection must start with a snapshot.</summary>
    public static readonly string Reconnect = TwoTeamGame.Yaml("trust-reconnect", 61002, 20, 40, 1, """
        faults:
          - {name: disconnect, at: 5s}
          - {name: disconnect, at: 11s}
        expectations:
          reconnect_within_s: 8
        """);

    /// <summary>Heap sampled every 2 game seconds after a 10 s warm-up: a per-frame leak shows as a slope.</summary>
    public static readonly string Memory = TwoTeamGame.Yaml("trust-memory", 61003, 40, 40, 1, """
        expectations:
          memory: {max_growth_kb_per_min: 128, after_s: 10s}
        """);

    /// <summary>Small buffers and a slow server: sends complete partially and must resume at the next byte.</summary>
    public static readonly string PartialSend = TwoTeamGame.Yaml("trust-partial-send", 61004, 20, 120, 2, """
        network: {client_buffer: 4KiB, server_buffer: 4KiB}
        faults:
          - {name: bandwidth, at: 3s, duration: 12s, direction: upstream, params: {rate_kbps: 8}}
        """);

    /// <summary>Player and unit def names with quotes, backslashes, control characters and non-ASCII text.</summary>
    public const string Unicode = """
        name: trust-unicode
        seed: 61005
        duration: 10s
        world:
          ally_teams: 2
          teams: 4
          edge_data: {unicode_names: true}
        units: {initial: 30}
        """;

    public static IEnumerable<object[]> All() =>
    [
        ["healthy", Healthy],
        ["reconnect", Reconnect],
        ["memory", Memory],
        ["partial-send", PartialSend],
        ["unicode", Unicode],
    ];

    /// <summary>The YAML of the scenario listed under <paramref name="name"/> in <see cref="All"/>.</summary>
    public static string Named(string name) => (string)All().Single(row => (string)row[0] == name)[1];

    public static double HeapSampleSeconds(string yaml) => yaml == Memory ? 2 : 10;
}
