namespace BarHarness.Engine.Tests.World;

public class UnitTruthColumnsTests
{
    [Fact]
    public void CopyTruth_holds_for_every_unit_what_the_per_unit_accessors_say()
    {
        var world = new SyntheticWorld(new GameSetup { Seed = 3, InitialUnits = 300, LosUpdateInterval = 1 });
        for (var f = 0; f < 60; f++)
        {
            world.StepFrame();
        }

        var columns = new UnitTruthColumns();
        var count = world.CopyTruth(columns);

        Assert.Equal(world.UnitCount, count);
        Assert.Equal(world.AllUnitIds(), columns.Ids.Take(count).Order().ToArray());
        for (var i = 0; i < count; i++)
        {
            var id = columns.Ids[i];
            Assert.True(world.TryGetTruePosition(id, out var x, out var y, out var z));
            Assert.True(world.TryGetTrueHealth(id, out var health, out _, out _));
            Assert.Equal((x, y, z, health), (columns.X[i], columns.Y[i], columns.Z[i], columns.Health[i]));
            Assert.Equal(world.TrueTeamOf(id), columns.Teams[i]);
            Assert.Equal(world.TrueAllyTeamOf(id), columns.AllyTeams[i]);
            Assert.Equal(world.IsInLosOfLocalPlayer(id), columns.InLocalLos[i]);
            Assert.Equal(world.IsVisibleToLocalPlayer(id), columns.VisibleToLocal[i]);
        }

        Assert.Contains(columns.InLocalLos.Take(count), los => !los); // some enemies are out of sight
    }
}
