namespace BarHarness.Scenarios.Running;

/// <summary>The engine's game set-up for a scenario's world section.</summary>
internal static class WorldSetupFactory
{
    public static GameSetup Create(ScenarioDefinition def, ulong seed)
    {
        var world = def.World;
        var local = world.LocalPlayer;
        var setup = new GameSetup
        {
            Seed = seed,
            MapSquaresX = Math.Max(1, world.Map.WidthSquares),
            MapSquaresZ = Math.Max(1, world.Map.HeightSquares),
            AllyTeamCount = Math.Max(1, world.AllyTeams.Count),
            TeamsPerAllyTeam = Math.Max(1, world.AllyTeams.Select(a => a.TeamIds.Count).DefaultIfEmpty(1).Max()),
            LocalPlayer = local.Spectator
                ? LocalPlayerSetup.Spectator(local.FullView)
                : LocalPlayerSetup.Player(local.Team),
            UnitDefCount = Math.Max(1, world.UnitDefCount),
            IsReplay = world.Replay,
        };
        setup.Validate();
        return setup;
    }
}
