using BarHarness.World.Features;

namespace BarHarness.Engine.Tests.SpringApi;

/// <summary>
/// The feature, model-piece, draw-flag, UI-state and unit-extra natives beyond their return conventions
/// (those are rows of <see cref="ApiBreadthTests"/>' case tables).
/// </summary>
public class FeatureAndUnitExtraApiTests
{
    [Fact]
    public void The_map_has_gaia_features_that_feature_defs_describe()
    {
        using var e = new LuaEngine();
        Assert.Equal((long)e.World.Setup.MapFeatureCount, e.Value("return #Spring.GetAllFeatures()"));
        Assert.Equal(e.World.Roster.GaiaTeamId, Convert.ToInt32(e.Value(
            $"return Spring.GetFeatureTeam({e.FirstFeature()})"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(true, e.Value($"local d = FeatureDefs[Spring.GetFeatureDefID({e.FirstFeature()})] "
            + "return d ~= nil and type(d.name) == 'string' and FeatureDefNames[d.name] == d"));
        Assert.Equal("armcom", e.Value("return FeatureDefNames.armcom_dead.name:sub(1, 6)"));
    }

    [Fact]
    public void A_feature_out_of_los_is_hidden_when_the_game_shows_features_in_los_only()
    {
        var setup = LuaEngine.DefaultSetup with
        {
            InitialUnits = 4,
            MapFeatureCount = 200,
            FeatureVisibility = FeatureVisibility.InLosOnly
        };
        using var e = new LuaEngine(setup);
        var hidden = e.World.Features.All.First(f => !e.World.IsPositionInLos(f.X, f.Z, e.World.LocalAllyTeamId));
        Assert.Equal(0L, e.CountOf($"Spring.GetFeaturePosition({hidden.Id})"));
        Assert.Equal(false, e.Value($"return Spring.ValidFeatureID({hidden.Id})"));
        Assert.Equal(true, e.Value($"for _, f in ipairs(Spring.GetAllFeatures()) do if f == {hidden.Id} then "
            + "return false end end return true"));
        Assert.True((long)e.Value("return #Spring.GetAllFeatures()")! < 200);
    }

    [Fact]
    public void Draw_flags_set_on_an_own_unit_read_back_and_an_enemys_stay_untouched()
    {
        using var e = new LuaEngine();
        var own = e.OwnUnit();
        var enemy = e.World.AllUnitIds().First(id => e.World.TrueAllyTeamOf(id) != e.World.LocalAllyTeamId);
        e.World.ForceLosState(enemy, e.World.LocalAllyTeamId, true);
        e.Value($"Spring.SetUnitNoDraw({own}, true) Spring.SetUnitNoSelect({own}, true) "
            + $"Spring.SetUnitNoDraw({enemy}, true)");
        Assert.Equal(true, e.Value($"return Spring.GetUnitNoDraw({own})"));
        Assert.Equal(true, e.Value($"return Spring.GetUnitNoSelect({own})"));
        Assert.Equal(false, e.Value($"return Spring.GetUnitNoDraw({enemy})"));
        Assert.Equal(true,
            e.Value($"Spring.SetFeatureNoDraw({e.FirstFeature()}, true) "
                + $"return not Spring.GetFeatureNoDraw({e.FirstFeature()})"));
    }

    [Fact]
    public void Ui_settings_round_trip()
    {
        using var e = new LuaEngine();
        Assert.Equal(3L, e.Value("Spring.SetBuildFacing(7) return Spring.GetBuildFacing()"));
        Assert.Equal(4L, e.Value("Spring.SetBuildSpacing(4) return Spring.GetBuildSpacing()"));
        Assert.Equal(false, e.Value("Spring.SetBoxSelectionByEngine(false) return Spring.GetBoxSelectionByEngine()"));
        Assert.Equal(7L,
            e.Value("Spring.SetLastMessagePosition(7, 8, 9) return Spring.GetLastMessagePositions()[1][1]"));
        Assert.Equal(20L,
            e.Value("Spring.SetLogSectionFilterLevel('mine', 'debug') return Spring.GetLogSections().mine"));
        Assert.Equal("hello", e.Value("Spring.Echo('hello') local b = Spring.GetConsoleBuffer(1) return b[#b].text"));
    }

    [Fact]
    public void A_builders_model_has_nano_pieces_and_piece_names_map_to_indices()
    {
        using var e = new LuaEngine();
        var builder = e.SpawnBuilder();
        Assert.Equal(true, e.Value($"local m = Spring.GetUnitPieceMap({builder}) "
            + $"local list = Spring.GetUnitPieceList({builder}) return list[m.nano1] == 'nano1'"));
        Assert.Equal(true, e.Value($"local n = Spring.GetUnitNanoPieces({builder}) "
            + $"return Spring.GetUnitPieceList({builder})[n[1]] == 'nano1'"));
        Assert.Equal("[null]", e.Value($"return Spring.GetUnitPieceInfo({builder}, 1).parent"));
    }

    [Fact]
    public void A_building_builder_reports_its_task_as_minus_the_buildee_def()
    {
        using var e = new LuaEngine();
        var builder = e.SpawnBuilder();
        var solar = e.World.UnitDefs.ByName("armsolar")!.Id;
        var x = e.World.Units.X[e.World.Units.Slot(builder)] + 50;
        var z = e.World.Units.Z[e.World.Units.Slot(builder)];
        e.Value($"Spring.GiveOrderToUnit({builder}, -{solar}, {{{x}, 0, {z}}}, 0)");
        for (var f = 0; f < 600 && e.World.Units.CurrentBuild[e.World.Units.Slot(builder)] == 0; f++)
        {
            e.World.StepFrame();
        }

        Assert.Equal((long)-solar, e.Value($"return (Spring.GetUnitWorkerTask({builder}))"));
        Assert.Equal(1L, e.Value($"return Spring.GetUnitCurrentBuildPower({builder})"));
    }
}
