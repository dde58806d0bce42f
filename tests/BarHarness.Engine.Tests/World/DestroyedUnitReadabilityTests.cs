namespace BarHarness.Engine.Tests.World;

public class DestroyedUnitReadabilityTests
{
    [Fact]
    public void Inside_UnitDestroyed_the_unit_still_answers_and_is_marked_dead()
    {
        using var e = new LuaEngine();
        var id = e.OwnUnit();
        e.World.Events.Clear();
        var before = e.World.StateHash();
        e.World.Destroy(id);
        Assert.True(e.World.Events.TryDequeue(out var destroyed));
        Assert.Equal(WorldEventKind.UnitDestroyed, destroyed.Kind);
        using (e.World.KeepReadableDuring(destroyed))
        {
            Assert.Equal(3L, e.CountOf($"Spring.GetUnitPosition({id})"));
            Assert.Equal(true, e.Value($"return Spring.GetUnitIsDead({id})"));
            Assert.Equal((long)destroyed.UnitDefId, e.Value($"return Spring.GetUnitDefID({id})"));
        }

        Assert.Equal(0L, e.CountOf($"Spring.GetUnitPosition({id})"));
        Assert.NotEqual(before, e.World.StateHash());
        Assert.False(e.World.UnitExists(id));
    }

    [Fact]
    public void After_UnitDestroyed_the_world_is_as_if_the_unit_left_at_once()
    {
        var a = new SyntheticWorld(new GameSetup { Seed = 5, InitialUnits = 60, CombatIntensity = 0 });
        var b = new SyntheticWorld(new GameSetup { Seed = 5, InitialUnits = 60, CombatIntensity = 0 });
        var victim = a.AllUnitIds()[10];
        a.Destroy(victim);
        b.Destroy(victim);
        while (a.Events.TryDequeue(out var ev))
        {
            using var readable = a.KeepReadableDuring(ev);
        }

        Assert.Equal(b.StateHash(), a.StateHash());
        Lockstep.Step(a, b, 60);

        Assert.Equal(b.StateHash(), a.StateHash());
    }

    [Fact]
    public void A_live_unit_is_not_dead()
    {
        using var e = new LuaEngine();
        Assert.Equal(false, e.Value($"return Spring.GetUnitIsDead({e.OwnUnit()})"));
    }
}
