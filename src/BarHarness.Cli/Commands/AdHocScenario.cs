namespace BarHarness.Cli.Commands;

/// <summary>A small scenario written on the fly for <c>load</c> and <c>exec</c>, in the same format users
/// write.</summary>
internal static class AdHocScenario
{
    public static string Yaml(string name, double seconds, int units, bool spectator, ulong seed)
    {
        var flag = spectator ? "true" : "false";
        // Round-trip formatting: one frame is 1/30 s exactly, the shortest duration a scenario may have.
        var duration = Math.Max(1.0 / 30, seconds).ToString("R", CultureInfo.InvariantCulture);
        return string.Join(
            "\n",
            $"name: {name}",
            $"seed: {seed}",
            $"duration: {duration}",
            "world:",
            "  local_player:",
            "    team: 0",
            $"    spectator: {flag}",
            $"    full_view: {flag}",
            "units:",
            $"  initial: {units}",
            "network:",
            "  server: up",
            string.Empty);
    }
}
