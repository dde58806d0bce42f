namespace BarHarness.Engine.Tests.World;

public class BarUnitDefsTests
{
    [Theory]
    [InlineData("armcom", true, false, true)]
    [InlineData("corcom", true, false, true)]
    [InlineData("legcom", true, false, true)]
    [InlineData("armlab", true, true, false)]
    [InlineData("armck", true, false, false)]
    [InlineData("armpw", false, false, false)]
    public void Bar_units_are_in_UnitDefNames_with_the_fields_widgets_read(string name, bool builder, bool factory,
        bool manualFire)
    {
        using var e = new LuaEngine();
        Assert.Equal(builder, e.Value($"return UnitDefNames.{name}.isBuilder"));
        Assert.Equal(factory, e.Value($"return UnitDefNames.{name}.isFactory"));
        Assert.Equal(manualFire, e.Value($"return UnitDefNames.{name}.canManualFire"));
        Assert.Equal(name, e.Value($"return UnitDefs[UnitDefNames.{name}.id].name"));
        Assert.Equal(builder, e.Value($"return UnitDefNames.{name}.buildSpeed > 0"));
    }

    [Fact]
    public void Commanders_are_marked_in_custom_params_and_can_build_a_factory()
    {
        using var e = new LuaEngine();
        Assert.Equal("1", e.Value("return UnitDefNames.armcom.customParams.iscommander"));
        Assert.Equal(true, e.Value(
            "for _, id in ipairs(UnitDefNames.armcom.buildOptions) do if id == UnitDefNames.armlab.id then "
            + "return true end end return false"));
        Assert.Equal(1L, e.Value("return #UnitDefNames.armpw.weapons"));
    }

    [Fact]
    public void Random_spawns_never_draw_bar_units_so_seeded_worlds_stay_as_they_were()
    {
        var w = new SyntheticWorld(new GameSetup { Seed = 3, InitialUnits = 2000, CombatIntensity = 0 });
        Assert.All(w.AllUnitIds(), id => Assert.InRange(w.TrueDefOf(id), 1, w.UnitDefs.GeneratedCount));
    }

    [Fact]
    public void A_bar_lab_builds_a_pawn()
    {
        var w = new SyntheticWorld(new GameSetup { Seed = 3, InitialUnits = 0, CombatIntensity = 0 });
        var lab = w.UnitDefs.ByName("armlab")!;
        var pawn = w.UnitDefs.ByName("armpw")!;
        w.Spawn(w.LocalTeamId, 1, lab.Id);
        var labId = w.AllUnitIds().Single();
        w.Commands.Give(labId, -pawn.Id, [], CommandOptions.None, 0);
        var built = false;
        for (var f = 0; f < 2000 && !built; f++)
        {
            w.StepFrame();
            while (w.Events.TryDequeue(out var ev))
            {
                built |= ev.Kind == WorldEventKind.UnitFromFactory && ev.UnitDefId == pawn.Id && ev.FactoryId == labId;
            }
        }

        Assert.True(built);
    }
}
