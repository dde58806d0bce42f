namespace BarHarness.Engine.Tests.World;

public class TeamEconomyTests
{
    [Fact]
    public void Stock_stays_between_zero_and_storage_while_income_is_reported_each_second()
    {
        var world = new SyntheticWorld(new GameSetup { Seed = 4, InitialUnits = 100 });
        for (var f = 0; f < 300; f++)
        {
            world.StepFrame();
            foreach (var team in world.Roster.Teams)
            {
                foreach (var kind in new[] { ResourceKind.Metal, ResourceKind.Energy })
                {
                    var r = world.TeamResources(team.TeamId, kind);
                    Assert.InRange(r.Current, 0, r.Storage);
                }
            }
        }

        Assert.True(world.TeamResources(0, ResourceKind.Metal).Income > 0);
        Assert.True(world.TeamResources(0, ResourceKind.Energy).Income > 0);
    }

    [Fact]
    public void Income_is_reported_in_steps_of_one_game_second()
    {
        var world = new SyntheticWorld(new GameSetup { Seed = 4, InitialUnits = 10 });
        for (var f = 0; f < 31; f++)
        {
            world.StepFrame();
        }

        var income = world.TeamResources(0, ResourceKind.Metal).Income;
        for (var f = 0; f < 28; f++)
        {
            world.StepFrame();
            Assert.Equal(income, world.TeamResources(0, ResourceKind.Metal).Income);
        }
    }

    [Fact]
    public void Shared_resources_show_as_sent_and_received_after_the_next_second()
    {
        var world = new SyntheticWorld(new GameSetup { Seed = 4 });
        world.Economy.Set(1, ResourceKind.Metal, world.TeamResources(1, ResourceKind.Metal) with { Current = 200 });
        var moved = world.Economy.Transfer(0, 1, ResourceKind.Metal, 100);
        Assert.Equal(100, moved);
        for (var f = 0; f < 30; f++)
        {
            world.StepFrame();
        }

        Assert.Equal(moved, world.TeamResources(0, ResourceKind.Metal).Sent);
        Assert.Equal(moved, world.TeamResources(1, ResourceKind.Metal).Received);
    }

    [Fact]
    public void Huge_resources_exceed_float32_exact_integers()
    {
        var world = new SyntheticWorld(new GameSetup { Seed = 4 });
        world.GiveHugeResources();
        world.StepFrame();
        Assert.True(world.TeamResources(0, ResourceKind.Metal).Current > (1 << 24));
    }
}
