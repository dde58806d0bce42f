namespace BarHarness.Engine.Tests.World;

/// <summary>
/// A busy world's state hash after fixed frames, pinned: any change to what a seed produces
/// (moving code between the world's concerns included) shows here.
/// </summary>
public class WorldGoldenHashTests
{
    [Fact]
    public void Busy_world_reaches_the_pinned_hash_and_event_count()
    {
        var world = new SyntheticWorld(new GameSetup { Seed = 42, InitialUnits = 300, CombatIntensity = 0.002 });
        world.SetChurn(2.5, 2);
        world.SetUnitCountTarget(500, 20);
        var digest = 17L;
        for (var f = 0; f < 600; f++)
        {
            world.StepFrame();
            while (world.Events.TryDequeue(out var e))
            {
                digest = unchecked((digest * 31) + ((long)e.Kind * 1_000_003) + (e.UnitId * 7919L) + e.Team
                    + (e.OtherTeam * 13L) + (e.AttackerId * 17L) + (e.BuilderId * 19L) + e.Frame);
            }

            if (f == 200)
            {
                world.Transfer(world.AllUnitIds()[0], 1);
                world.TeleportEnemiesIntoView(5);
            }
        }

        Assert.Equal(2788453241025171639UL, world.StateHash());
        Assert.Equal(4919L, world.Events.TotalRaised);
        Assert.Equal(-9065372837365627165L, digest);
    }
}
