using BarHarness.Engine.World;
using BarHarness.Engine.World.Commands;

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

    [Fact]
    public void A_spy_cloaking_and_decloaking_raises_both_call_ins_in_order()
    {
        var w = new SyntheticWorld(new GameSetup { Seed = 5, CombatIntensity = 0 });
        var spy = Spawn(w, "armspy", w.LocalTeamId);
        Kinds(w);
        w.Commands.Give(spy, CommandIds.Cloak, [1], CommandOptions.None, 0);
        w.StepFrame();
        w.Commands.Give(spy, CommandIds.Cloak, [0], CommandOptions.None, 0);
        w.StepFrame();
        var kinds = Kinds(w).Where(k => k is WorldEventKind.UnitCloaked or WorldEventKind.UnitDecloaked).ToList();
        Assert.Equal([WorldEventKind.UnitCloaked, WorldEventKind.UnitDecloaked], kinds);
        var (name, args) = WorldEventCallIn.From(new WorldEvent(WorldEventKind.UnitCloaked, 1, spy, 1, 0));
        Assert.Equal(("UnitCloaked", 3), (name, args.Length));
    }

    [Fact]
    public void A_unit_that_cannot_cloak_raises_nothing()
    {
        var w = new SyntheticWorld(new GameSetup { Seed = 5, CombatIntensity = 0 });
        var mex = Spawn(w, "armmex", w.LocalTeamId);
        Kinds(w);
        w.Commands.Give(mex, CommandIds.Cloak, [1], CommandOptions.None, 0);
        w.StepFrame();
        Assert.DoesNotContain(WorldEventKind.UnitCloaked, Kinds(w));
    }
}
