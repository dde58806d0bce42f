namespace BarHarness.Engine.Tests.World;

public class CommandModelTests
{
    private static SyntheticWorld QuietWorld() =>
        new(new GameSetup { Seed = 11, InitialUnits = 0, CombatIntensity = 0 });

    private static List<WorldEvent> Drain(SyntheticWorld w)
    {
        var list = new List<WorldEvent>();
        while (w.Events.TryDequeue(out var e))
        {
            list.Add(e);
        }

        return list;
    }

    private static int SpawnOwn(SyntheticWorld w, string role)
    {
        var def = w.UnitDefs.All.First(d => d.CustomParams["unitgroup"] == role);
        w.Spawn(w.LocalTeamId, 1, def.Id);
        return w.AllUnitIds().Last(id => w.TrueDefOf(id) == def.Id);
    }

    [Fact]
    public void A_move_order_takes_effect_next_frame_walks_there_then_reports_done_and_idle()
    {
        var w = QuietWorld();
        var tank = SpawnOwn(w, "tank");
        Drain(w);
        Assert.True(w.Commands.Give(tank, CommandIds.Move, [100, 0, 100], CommandOptions.None, 0));
        Assert.Empty(w.Commands.Commands(tank));
        w.StepFrame();
        var first = Drain(w);
        Assert.Contains(first, e => e.Kind == WorldEventKind.UnitCommand && e.Command!.Id == CommandIds.Move);
        Assert.Single(w.Commands.Commands(tank));
        var events = new List<WorldEvent>();
        for (var f = 0; f < 3000 && !events.Any(e => e.Kind == WorldEventKind.UnitIdle); f++)
        {
            w.StepFrame();
            events.AddRange(Drain(w));
        }

        Assert.True(w.TryGetTruePosition(tank, out var x, out _, out var z));
        Assert.InRange(x, 99f, 101f);
        Assert.InRange(z, 99f, 101f);
        var done = events.FindIndex(e => e.Kind == WorldEventKind.UnitCmdDone);
        var idle = events.FindIndex(e => e.Kind == WorldEventKind.UnitIdle);
        Assert.True(done >= 0 && idle > done);
        Assert.Empty(w.Commands.Commands(tank));
    }

    [Fact]
    public void Shift_appends_and_a_plain_order_replaces_the_queue()
    {
        var w = QuietWorld();
        var tank = SpawnOwn(w, "tank");
        w.Commands.Give(tank, CommandIds.Move, [10, 0, 10], CommandOptions.None, 0);
        w.Commands.Give(tank, CommandIds.Move, [20, 0, 20], CommandOptions.Shift, 0);
        w.StepFrame();
        Assert.Equal(2, w.Commands.Commands(tank).Count);
        Assert.True(w.Commands.Commands(tank)[1].Tag > w.Commands.Commands(tank)[0].Tag);
        w.Commands.Give(tank, CommandIds.Patrol, [30, 0, 30], CommandOptions.None, 0);
        w.StepFrame();
        Assert.Equal(CommandIds.Patrol, Assert.Single(w.Commands.Commands(tank)).Id);
    }

    [Fact]
    public void A_factory_builds_its_queue_and_each_product_comes_out_with_UnitFromFactory()
    {
        var w = QuietWorld();
        var factory = SpawnOwn(w, "factory");
        var bot = w.UnitDefs.All.First(d => d.CustomParams["unitgroup"] == "bot");
        Drain(w);
        w.Commands.Give(factory, -bot.Id, [], CommandOptions.None, 0);
        w.Commands.Give(factory, -bot.Id, [], CommandOptions.None, 0);
        w.StepFrame();
        Assert.Equal(2, w.Commands.FactoryCommands(factory).Count);
        var events = new List<WorldEvent>();
        for (var f = 0; f < 4000 && events.Count(e => e.Kind == WorldEventKind.UnitFromFactory) < 2; f++)
        {
            w.StepFrame();
            events.AddRange(Drain(w));
        }

        var products = events.Where(e => e.Kind == WorldEventKind.UnitFromFactory).ToList();
        Assert.Equal(2, products.Count);
        Assert.All(products, p => Assert.Equal((factory, bot.Id), (p.FactoryId, p.UnitDefId)));
        Assert.All(products, p => Assert.Contains(events, e => e.Kind == WorldEventKind.UnitCreated
            && e.UnitId == p.UnitId && e.BuilderId == factory));
        Assert.Contains(events, e => e.Kind == WorldEventKind.UnitIdle && e.UnitId == factory);
        Assert.Empty(w.Commands.FactoryCommands(factory));
    }

    [Fact]
    public void Self_destruct_counts_down_in_slow_updates_and_kills_with_no_attacker()
    {
        var w = QuietWorld();
        var tank = SpawnOwn(w, "tank");
        w.Commands.Give(tank, CommandIds.SelfDestruct, [], CommandOptions.None, 0);
        w.StepFrame();
        Assert.Equal(11, w.Commands.SelfDestruct.Countdown(tank));
        Drain(w);
        var frames = 0;
        while (w.UnitExists(tank) && frames < 1000)
        {
            w.StepFrame();
            frames++;
        }

        Assert.False(w.UnitExists(tank));
        Assert.InRange(frames, 9 * SelfDestructTimers.SlowUpdateFrames, 11 * SelfDestructTimers.SlowUpdateFrames);
        var destroyed = Drain(w).Single(e => e.Kind == WorldEventKind.UnitDestroyed);
        Assert.Equal(0, destroyed.AttackerId);
    }

    [Fact]
    public void Orders_and_queues_through_the_engine_api_follow_recoil()
    {
        using var e = new LuaEngine(new GameSetup { Seed = 77, InitialUnits = 120, CombatIntensity = 0 });
        var own = e.OwnUnit();
        Assert.Equal(true, e.Value($"return Spring.GiveOrderToUnit({own}, CMD.MOVE, {{500, 0, 500}}, {{'shift'}})"));
        Assert.Equal(0L, e.Value($"return Spring.GetUnitCommands({own}, 0)"));
        e.World.StepFrame();
        Assert.Equal(1L, e.Value($"return Spring.GetUnitCommands({own}, 0)"));
        Assert.Equal(1L, e.Value($"return Spring.GetUnitCommandCount({own})"));
        Assert.Equal(true, e.Value($"return Spring.GetUnitCommands({own}, -1)[1].options.shift"));
        Assert.Equal(32L, e.Value($"return select(2, Spring.GetUnitCurrentCommand({own}))"));
        Assert.Equal(6L, e.CountOf($"Spring.GetUnitCurrentCommand({own})"));
        Assert.Equal(0L, e.CountOf($"Spring.GetUnitCurrentCommand({own}, 2)"));
        Assert.Equal(false, e.Value($"return Spring.GiveOrderToUnit({e.HiddenEnemy()}, CMD.STOP, {{}}, 0)"));
        Assert.Equal(0L, e.CountOf($"Spring.GetUnitCommands({e.HiddenEnemy()}, 0)"));
        Assert.Contains("not a number", e.Error("return Spring.GetUnitCommands('x', 0)"));
        Assert.Equal(2L, e.Value($"return Spring.GetUnitStates({own}).firestate"));
    }

    [Fact]
    public void A_spectator_cannot_give_orders()
    {
        using var e = new LuaEngine();
        var own = e.OwnUnit();
        e.World.SetLocalView(true, true, e.World.LocalTeamId);
        Assert.Equal(false, e.Value($"return Spring.GiveOrderToUnit({own}, CMD.STOP, {{}}, 0)"));
        Assert.Equal(0L, e.Value($"return Spring.GiveOrderToUnitArray({{{own}}}, CMD.STOP, {{}}, 0) and 1 or 0"));
    }

    [Fact]
    public void Selection_keeps_only_selectable_units_and_groups_are_per_unit()
    {
        using var e = new LuaEngine();
        var own = e.OwnUnit();
        var enemy = e.HiddenEnemy();
        e.Value($"Spring.SelectUnitArray({{{own}, {enemy}}})");
        Assert.Equal(1L, e.Value("return Spring.GetSelectedUnitsCount()"));
        Assert.Equal((long)own, e.Value("return Spring.GetSelectedUnits()[1]"));
        Assert.Equal(true, e.Value($"return Spring.IsUnitSelected({own})"));
        Assert.Equal(1L, e.Value("return select(2, Spring.GetSelectedUnitsSorted())"));
        e.Value($"Spring.SetUnitGroup({own}, 3)");
        Assert.Equal(3L, e.Value($"return Spring.GetUnitGroup({own})"));
        Assert.Equal(1L, e.Value("return Spring.GetGroupList()[3]"));
        e.Value("Spring.SelectUnit(nil)");
        Assert.Equal(0L, e.Value("return Spring.GetSelectedUnitsCount()"));
        e.World.Destroy(own);
        Assert.Equal(0L, e.Value("return #Spring.GetGroupUnits(3)"));
    }
}
