namespace BarHarness.Engine.Tests.World;

public class CloakEventTests
{
    private static List<WorldEventKind> Kinds(SyntheticWorld w)
    {
        var list = new List<WorldEventKind>();
        while (w.Events.TryDequeue(out var e))
        {
            list.Add(e.Kind);
        }

        return list;
    }

    private static int Spawn(SyntheticWorld w, string name, int team)
    {
        var def = w.UnitDefs.ByName(name)!;
        w.Spawn(team, 1, def.Id);
        return w.AllUnitIds().Last(id => w.TrueDefOf(id) == def.Id && w.TrueTeamOf(id) == team);
    }

    /// <summary>A quiet world with one new unit of <paramref name="defName"/> for the local team, its events
    /// drained.</summary>
    private static (SyntheticWorld World, int Unit) QuietWorldWith(string defName)
    {
        var w = new SyntheticWorld(new GameSetup { Seed = 5, CombatIntensity = 0 });
        var unit = Spawn(w, defName, w.LocalTeamId);
        Kinds(w);
        return (w, unit);
    }

    private static void OrderCloak(SyntheticWorld w, int unit, bool cloaked)
    {
        w.Commands.Give(unit, CommandIds.Cloak, [cloaked ? 1 : 0], CommandOptions.None, 0);
        w.StepFrame();
    }

    [Fact]
    public void A_spy_cloaking_and_decloaking_raises_both_call_ins_in_order()
    {
        var (w, spy) = QuietWorldWith("armspy");
        OrderCloak(w, spy, cloaked: true);
        OrderCloak(w, spy, cloaked: false);
        var kinds = Kinds(w).Where(k => k is WorldEventKind.UnitCloaked or WorldEventKind.UnitDecloaked).ToList();
        Assert.Equal([WorldEventKind.UnitCloaked, WorldEventKind.UnitDecloaked], kinds);
        var (name, args) = WorldEventCallIn.From(new WorldEvent(WorldEventKind.UnitCloaked, 1, spy, 1, 0));
        Assert.Equal(("UnitCloaked", 3), (name, args.Length));
    }

    [Fact]
    public void A_unit_that_cannot_cloak_raises_nothing()
    {
        var (w, mex) = QuietWorldWith("armmex");
        OrderCloak(w, mex, cloaked: true);
        Assert.DoesNotContain(WorldEventKind.UnitCloaked, Kinds(w));
    }
}

public class StockpileEventTests
{
    [Fact]
    public void An_ordered_missile_is_built_then_raises_stockpile_changed_and_shows_in_get_unit_stockpile()
    {
        using var e = new BarHarness.Engine.Tests.SpringApi.LuaEngine(
            new GameSetup { Seed = 5, CombatIntensity = 0, InitialUnits = 0 });
        var w = e.World;
        var id = Assert.Single(e.SpawnOwn("armamd"));
        e.Value($"Spring.GiveOrderToUnit({id}, CMD.STOCKPILE, {{}}, {{'shift'}})");
        w.StepFrame();
        Assert.Equal(5L, e.Value($"return select(2, Spring.GetUnitStockpile({id}))"));
        var changed = new List<WorldEvent>();
        for (var f = 0; f < Stockpiles.FramesPerMissile + 5; f++)
        {
            w.StepFrame();
            while (w.Events.TryDequeue(out var ev))
            {
                if (ev.Kind == WorldEventKind.StockpileChanged)
                {
                    changed.Add(ev);
                }
            }
        }

        var one = Assert.Single(changed);
        Assert.Equal((id, 0, 1), (one.UnitId, one.OldCount, one.NewCount));
        Assert.Equal(1L, e.Value($"return (Spring.GetUnitStockpile({id}))"));
        Assert.Equal(4L, e.Value($"return select(2, Spring.GetUnitStockpile({id}))"));
    }
}

public class TeamDiedTests
{
    [Fact]
    public void A_killed_team_is_dead_in_get_team_info_and_raises_team_died_once()
    {
        using var e = new BarHarness.Engine.Tests.SpringApi.LuaEngine(new GameSetup { Seed = 5, CombatIntensity = 0 });
        var w = e.World;
        while (w.Events.TryDequeue(out _))
        {
        }

        Assert.Equal(false, e.Value("return select(3, Spring.GetTeamInfo(1))"));
        Assert.True(w.KillTeam(1));
        Assert.False(w.KillTeam(1));
        Assert.False(w.KillTeam(w.Roster.GaiaTeamId));
        Assert.True(w.Events.TryDequeue(out var died));
        Assert.Equal(("TeamDied", 1), (WorldEventCallIn.From(died).Name, (int)WorldEventCallIn.From(died).Args[0]!));
        Assert.False(w.Events.TryDequeue(out _));
        Assert.Equal(true, e.Value("return select(3, Spring.GetTeamInfo(1))"));
    }
}
