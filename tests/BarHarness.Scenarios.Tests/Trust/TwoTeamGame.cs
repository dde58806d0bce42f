namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>The small game most trust scenarios play: two ally teams of one team each, with unit churn.</summary>
internal static class TwoTeamGame
{
    /// <summary>The game's scenario YAML; <paramref name="sections"/> (faults, expectations...) follow it.</summary>
    public static string Yaml(
        string name, int seed, int seconds, int units, int churnPerSecond, string sections = "") =>
        $$"""
        name: {{name}}
        seed: {{seed}}
        duration: {{seconds}}s
        world: {ally_teams: 2, teams: 2}
        units: {initial: {{units}}, churn_per_second: {{churnPerSecond}}}

        """ + sections;
}
