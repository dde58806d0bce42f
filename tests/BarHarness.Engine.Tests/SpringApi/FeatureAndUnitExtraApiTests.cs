using BarHarness.World.Features;

namespace BarHarness.Engine.Tests.SpringApi;

/// <summary>
/// Return conventions of the feature, model-piece, draw-flag, UI-state and unit-extra natives, one row
/// each: how many values Recoil returns (0 = nothing) and the type of the first. {feature} is a map
/// feature, {own} one of the player's units, {builder} the player's constructor, {enemy} a hidden enemy.
/// </summary>
public class FeatureAndUnitExtraApiTests
{
    [Theory]
    [InlineData("Spring.ValidFeatureID({feature})", 1, "boolean")]
    [InlineData("Spring.ValidFeatureID('nope')", 1, "boolean")]
    [InlineData("Spring.GetFeatureDefID({feature})", 1, "number")]
    [InlineData("Spring.GetFeatureDefID(999999)", 0, "nil")]
    [InlineData("Spring.GetFeatureTeam({feature})", 1, "number")]
    [InlineData("Spring.GetFeatureAllyTeam({feature})", 1, "number")]
    [InlineData("Spring.GetFeatureHealth({feature})", 3, "number")]
    [InlineData("Spring.GetFeatureHeight({feature})", 1, "number")]
    [InlineData("Spring.GetFeatureRadius({feature})", 1, "number")]
    [InlineData("Spring.GetFeatureMass({feature})", 1, "number")]
    [InlineData("Spring.GetFeaturePosition({feature})", 3, "number")]
    [InlineData("Spring.GetFeaturePosition({feature}, true, true)", 9, "number")]
    [InlineData("Spring.GetFeaturePosition(999999)", 0, "nil")]
    [InlineData("Spring.GetFeatureSeparation({feature}, {feature})", 1, "number")]
    [InlineData("Spring.GetFeatureRotation({feature})", 3, "number")]
    [InlineData("Spring.GetFeatureDirection({feature})", 9, "number")]
    [InlineData("Spring.GetFeatureVelocity({feature})", 4, "number")]
    [InlineData("Spring.GetFeatureHeading({feature})", 1, "number")]
    [InlineData("Spring.GetFeatureResources({feature})", 6, "number")]
    [InlineData("Spring.GetFeatureBlocking({feature})", 7, "boolean")]
    [InlineData("Spring.GetFeatureNoSelect({feature})", 1, "boolean")]
    [InlineData("Spring.GetFeatureResurrect({feature})", 2, "string")]
    [InlineData("Spring.GetFeatureLastAttackedPiece({feature})", 0, "nil")]
    [InlineData("Spring.GetFeatureCollisionVolumeData({feature})", 10, "number")]
    [InlineData("Spring.GetFeatureRulesParams({feature})", 1, "table")]
    [InlineData("Spring.GetFeatureRulesParam({feature}, 'x')", 0, "nil")]
    [InlineData("Spring.GetUnitFeatureSeparation({own}, {feature})", 1, "number")]
    [InlineData("Spring.GetUnitFeatureSeparation({enemy}, {feature})", 0, "nil")]
    [InlineData("Spring.GetFeaturesInScreenRectangle(0, 1080, 1920, 0)", 1, "table")]
    [InlineData("Spring.GetVisibleFeatures()", 1, "table")]
    [InlineData("Spring.GetFeatureRootPiece({feature})", 1, "number")]
    [InlineData("Spring.GetFeaturePieceList({feature})", 1, "table")]
    [InlineData("Spring.GetFeaturePieceMap({feature})", 1, "table")]
    [InlineData("Spring.GetFeaturePieceInfo({feature}, 1)", 1, "table")]
    [InlineData("Spring.GetFeaturePieceInfo({feature}, 9)", 0, "nil")]
    [InlineData("Spring.GetFeaturePiecePosition({feature}, 1)", 3, "number")]
    [InlineData("Spring.GetFeaturePieceDirection({feature}, 1)", 3, "number")]
    [InlineData("Spring.GetFeaturePiecePosDir({feature}, 1)", 6, "number")]
    [InlineData("Spring.GetFeaturePieceMatrix({feature}, 1)", 16, "number")]
    [InlineData("Spring.GetFeaturePieceCollisionVolumeData({feature}, 1)", 10, "number")]
    [InlineData("Spring.GetFeatureNoDraw({feature})", 1, "boolean")]
    [InlineData("Spring.GetFeatureLuaDraw({feature})", 1, "boolean")]
    [InlineData("Spring.GetFeatureAlwaysUpdateMatrix({feature})", 1, "boolean")]
    [InlineData("Spring.GetFeatureEngineDrawMask({feature})", 1, "number")]
    [InlineData("Spring.GetFeatureDrawFlag({feature})", 1, "number")]
    [InlineData("Spring.GetFeaturePaletteIndex({feature})", 0, "nil")]
    [InlineData("Spring.GetFeatureSelectionVolumeData({feature})", 10, "number")]
    [InlineData("Spring.GetFeatureTransformMatrix({feature})", 16, "number")]
    [InlineData("Spring.SetFeatureNoDraw({feature}, true)", 0, "nil")]
    [InlineData("Spring.SetFeatureFade({feature}, true)", 0, "nil")]
    [InlineData("Spring.SetFeatureAlwaysUpdateMatrix({feature}, true)", 0, "nil")]
    [InlineData("Spring.SetFeatureEngineDrawMask({feature}, 1)", 0, "nil")]
    [InlineData("Spring.SetFeaturePaletteIndex({feature}, 1)", 0, "nil")]
    [InlineData("Spring.SetFeatureSelectionVolumeData({feature}, 1, 1, 1, 0, 0, 0, 1, 0, 1)", 0, "nil")]
    [InlineData("Spring.GetUnitRootPiece({own})", 1, "number")]
    [InlineData("Spring.GetUnitRootPiece({enemy})", 0, "nil")]
    [InlineData("Spring.GetUnitPieceList({own})", 1, "table")]
    [InlineData("Spring.GetUnitPieceMap({own})", 1, "table")]
    [InlineData("Spring.GetUnitPieceInfo({own}, 1)", 1, "table")]
    [InlineData("Spring.GetUnitPiecePosition({own}, 2)", 3, "number")]
    [InlineData("Spring.GetUnitPiecePosition({own}, 99)", 0, "nil")]
    [InlineData("Spring.GetUnitPieceDirection({own}, 1)", 3, "number")]
    [InlineData("Spring.GetUnitPiecePosDir({own}, 1)", 6, "number")]
    [InlineData("Spring.GetUnitPieceMatrix({own}, 1)", 16, "number")]
    [InlineData("Spring.GetModelPieceList('objects3d/armcom.s3o')", 1, "table")]
    [InlineData("Spring.GetModelPieceList('objects3d/nosuch.s3o')", 0, "nil")]
    [InlineData("Spring.GetModelPieceMap('objects3d/armcom.s3o')", 1, "table")]
    [InlineData("Spring.GetModelRootPiece('objects3d/armcom.s3o')", 1, "number")]
    [InlineData("Spring.GetUnitScriptPiece({own})", 1, "table")]
    [InlineData("Spring.GetUnitScriptPiece({own}, 0)", 1, "number")]
    [InlineData("Spring.GetUnitScriptNames({own})", 1, "table")]
    [InlineData("Spring.GetUnitNanoPieces({builder})", 1, "table")]
    [InlineData("Spring.GetUnitNoDraw({own})", 1, "boolean")]
    [InlineData("Spring.GetUnitNoDraw({enemy})", 0, "nil")]
    [InlineData("Spring.GetUnitLuaDraw({own})", 1, "boolean")]
    [InlineData("Spring.GetUnitNoSelect({own})", 1, "boolean")]
    [InlineData("Spring.GetUnitNoMinimap({own})", 1, "boolean")]
    [InlineData("Spring.GetUnitNoGroup({own})", 1, "boolean")]
    [InlineData("Spring.GetUnitAlwaysUpdateMatrix({own})", 1, "boolean")]
    [InlineData("Spring.UnitIconGetDraw({own})", 1, "boolean")]
    [InlineData("Spring.GetUnitEngineDrawMask({own})", 1, "number")]
    [InlineData("Spring.GetUnitDrawFlag({own})", 1, "number")]
    [InlineData("Spring.GetUnitPaletteIndex({own})", 0, "nil")]
    [InlineData("Spring.GetUnitSelectionVolumeData({own})", 10, "number")]
    [InlineData("Spring.GetUnitTransformMatrix({own})", 16, "number")]
    [InlineData("Spring.GetUnitTransformMatrix({enemy})", 0, "nil")]
    [InlineData("Spring.GetUnitIcon({own})", 1, "string")]
    [InlineData("Spring.SetUnitIcon({own}, 'x')", 0, "nil")]
    [InlineData("Spring.SetUnitNoMinimap({own}, true)", 0, "nil")]
    [InlineData("Spring.SetUnitNoGroup({own}, true)", 0, "nil")]
    [InlineData("Spring.SetUnitAlwaysUpdateMatrix({own}, true)", 0, "nil")]
    [InlineData("Spring.SetUnitIconDraw({own}, false)", 0, "nil")]
    [InlineData("Spring.UnitIconSetDraw({own}, false)", 0, "nil")]
    [InlineData("Spring.SetUnitEngineDrawMask({own}, 3)", 0, "nil")]
    [InlineData("Spring.SetUnitPaletteIndex({own}, 2)", 0, "nil")]
    [InlineData("Spring.SetUnitSelectionVolumeData({own}, 1, 1, 1, 0, 0, 0, 1, 0, 1)", 0, "nil")]
    [InlineData("Spring.GetBuildFacing()", 1, "number")]
    [InlineData("Spring.SetBuildFacing(1)", 0, "nil")]
    [InlineData("Spring.GetBuildSpacing()", 1, "number")]
    [InlineData("Spring.SetBuildSpacing(2)", 0, "nil")]
    [InlineData("Spring.GetInvertQueueKey()", 1, "boolean")]
    [InlineData("Spring.GetBoxSelectionByEngine()", 1, "boolean")]
    [InlineData("Spring.GetSelectionBox()", 1, "nil")]
    [InlineData("Spring.GetSelectedGroup()", 1, "number")]
    [InlineData("Spring.GetMouseButtonsPressed(1, 2, 3)", 3, "boolean")]
    [InlineData("Spring.GetGameState()", 4, "boolean")]
    [InlineData("Spring.GetDrawSeconds()", 1, "number")]
    [InlineData("Spring.GetFrameTimeOffset()", 1, "number")]
    [InlineData("Spring.GetTimerMicros()", 1, "userdata")]
    [InlineData("Spring.GetFrameTimer()", 1, "userdata")]
    [InlineData("Spring.GetMapDrawMode()", 1, "string")]
    [InlineData("Spring.GetWaterMode()", 2, "number")]
    [InlineData("Spring.HaveShadows()", 1, "boolean")]
    [InlineData("Spring.HaveAdvShading()", 2, "boolean")]
    [InlineData("Spring.GetDrawSelectionInfo()", 1, "boolean")]
    [InlineData("Spring.IsUserWriting()", 1, "boolean")]
    [InlineData("Spring.GetLosViewColors()", 5, "table")]
    [InlineData("Spring.SetLosViewColors({1,1,1}, {1,1,1}, {1,1,1}, {1,1,1}, {1,1,1})", 0, "nil")]
    [InlineData("Spring.GetCameraNames()", 1, "table")]
    [InlineData("Spring.GetCameraRotation()", 3, "number")]
    [InlineData("Spring.GetDualViewGeometry()", 4, "number")]
    [InlineData("Spring.GetMiniMapDualScreen()", 1, "boolean")]
    [InlineData("Spring.GetMiniMapRotation()", 1, "number")]
    [InlineData("Spring.SetMiniMapRotation(1)", 0, "nil")]
    [InlineData("Spring.GetWindowDisplayMode()", 5, "number")]
    [InlineData("Spring.GetNumDisplays()", 1, "number")]
    [InlineData("Spring.GetVidMemUsage()", 2, "number")]
    [InlineData("Spring.GetVideoCapturingMode()", 1, "boolean")]
    [InlineData("Spring.SetVideoCapturingMode(true)", 0, "nil")]
    [InlineData("Spring.GetLastMessagePositions()", 1, "table")]
    [InlineData("Spring.SetLastMessagePosition(1, 2, 3)", 0, "nil")]
    [InlineData("Spring.GetConsoleBuffer(5)", 1, "table")]
    [InlineData("Spring.GetCurrentTooltip()", 1, "string")]
    [InlineData("Spring.GetLogSections()", 1, "table")]
    [InlineData("Spring.SetLogSectionFilterLevel('x', 'debug')", 0, "nil")]
    [InlineData("Spring.GetActivePage()", 2, "number")]
    [InlineData("Spring.GetGatherMode()", 1, "number")]
    [InlineData("Spring.GetReplayLength()", 0, "nil")]
    [InlineData("Spring.GetUnitVectors({own})", 3, "table")]
    [InlineData("Spring.GetUnitVectors({enemy})", 0, "nil")]
    [InlineData("Spring.GetUnitRotation({own})", 3, "number")]
    [InlineData("Spring.GetUnitViewPosition({own})", 3, "number")]
    [InlineData("Spring.GetUnitViewPosition({enemy})", 0, "nil")]
    [InlineData("Spring.GetUnitBuildFacing({own})", 1, "number")]
    [InlineData("Spring.GetUnitWorkerTask({own})", 0, "nil")]
    [InlineData("Spring.GetUnitCurrentBuildPower({builder})", 1, "number")]
    [InlineData("Spring.GetUnitCostTable({own})", 2, "table")]
    [InlineData("Spring.GetUnitCostTable({enemy})", 0, "nil")]
    [InlineData("Spring.GetUnitArmored({own})", 2, "boolean")]
    [InlineData("Spring.GetUnitBlocking({own})", 7, "boolean")]
    [InlineData("Spring.GetUnitMaxRange({own})", 1, "number")]
    [InlineData("Spring.GetUnitMaxRange({enemy})", 0, "nil")]
    [InlineData("Spring.GetUnitLastAttacker({own})", 0, "nil")]
    [InlineData("Spring.GetUnitLastAttackedPiece({own})", 0, "nil")]
    [InlineData("Spring.GetUnitTransporter({own})", 0, "nil")]
    [InlineData("Spring.GetUnitIsTransporting({own})", 0, "nil")]
    [InlineData("Spring.GetUnitResources({own})", 4, "number")]
    [InlineData("Spring.GetUnitResources({enemy})", 0, "nil")]
    [InlineData("Spring.GetUnitMetalExtraction({own})", 0, "nil")]
    [InlineData("Spring.GetUnitStorage({own})", 2, "number")]
    [InlineData("Spring.GetUnitHarvestStorage({own})", 4, "number")]
    [InlineData("Spring.GetUnitShieldState({own})", 0, "nil")]
    [InlineData("Spring.GetUnitSeismicSignature({own})", 1, "number")]
    [InlineData("Spring.GetUnitInBuildStance({builder})", 1, "boolean")]
    [InlineData("Spring.GetUnitDefDimensions(1)", 1, "table")]
    [InlineData("Spring.GetUnitDefDimensions(99999)", 0, "nil")]
    [InlineData("Spring.GetUnitBuildeeRadius({own})", 1, "number")]
    [InlineData("Spring.GetUnitEffectiveBuildRange({builder})", 1, "number")]
    [InlineData("Spring.GetUnitEffectiveBuildRange({builder}, 1)", 1, "number")]
    [InlineData("Spring.GetUnitFlanking({own})", 8, "number")]
    [InlineData("Spring.GetUnitFlanking({own}, 'dir')", 3, "number")]
    [InlineData("Spring.IsUnitInJammer({own})", 1, "boolean")]
    [InlineData("Spring.GetUnitPosErrorParams({own})", 8, "number")]
    [InlineData("Spring.GetUnitEstimatedPath({own})", 0, "nil")]
    [InlineData("Spring.GetUnitCollisionVolumeData({own})", 10, "number")]
    [InlineData("Spring.GetUnitsInScreenRectangle(0, 0, 1920, 1080)", 1, "table")]
    public void Native_returns_recoils_values(string call, int count, string firstType)
    {
        using var e = new LuaEngine();
        e.AssertReturns(call, count, firstType);
    }

    [Theory]
    [InlineData("Spring.GetFeaturePosition('x')")]
    [InlineData("Spring.GetFeatureResources({})")]
    [InlineData("Spring.GetFeaturePieceInfo({feature}, 'a')")]
    [InlineData("Spring.GetUnitVectors('x')")]
    [InlineData("Spring.SetUnitNoDraw({own}, 1)")]
    [InlineData("Spring.SetUnitNoDraw('x', true)")]
    [InlineData("Spring.GetMouseButtonsPressed()")]
    [InlineData("Spring.SetLosViewColors(1)")]
    [InlineData("Spring.GetUnitEffectiveBuildRange({builder}, 99999)")]
    [InlineData("Spring.SetLogSectionFilterLevel('x', 'loud')")]
    public void A_bad_argument_is_a_lua_error(string call)
    {
        using var e = new LuaEngine();
        e.AssertLuaError(call);
    }

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
