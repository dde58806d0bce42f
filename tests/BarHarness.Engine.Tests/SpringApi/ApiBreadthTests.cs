namespace BarHarness.Engine.Tests.SpringApi;

/// <summary>
/// Return conventions of the map, team, unit-detail, camera and UI natives, one row each: how many
/// values Recoil returns (0 = nothing) and the type of the first. {own} is one of the player's units,
/// {enemy} a hidden enemy, {team} the player's team, {foe} an enemy team.
/// </summary>
public class ApiBreadthTests
{
    [Theory]
    [InlineData("Spring.GetGroundHeight(100, 100)", 1, "number")]
    [InlineData("Spring.GetGroundOrigHeight(100, 100)", 1, "number")]
    [InlineData("Spring.GetSmoothMeshHeight(100, 100)", 1, "number")]
    [InlineData("Spring.GetGroundNormal(100, 100)", 4, "number")]
    [InlineData("Spring.GetGroundExtremes()", 4, "number")]
    [InlineData("Spring.IsPosInMap(100, 100)", 1, "boolean")]
    [InlineData("Spring.IsPosInLos(100, 0, 100)", 1, "boolean")]
    [InlineData("Spring.IsPosInAirLos(100, 0, 100)", 1, "boolean")]
    [InlineData("Spring.IsPosInRadar(100, 0, 100)", 1, "boolean")]
    [InlineData("Spring.GetPositionLosState(100, 0, 100)", 4, "boolean")]
    [InlineData("Spring.GetWind()", 7, "number")]
    [InlineData("Spring.GetTidal()", 1, "number")]
    [InlineData("Spring.GetWaterPlaneLevel()", 1, "number")]
    [InlineData("Spring.GetWaterLevel(5, 5)", 1, "number")]
    [InlineData("Spring.GetMetalMapSize()", 2, "number")]
    [InlineData("Spring.GetMetalAmount(1, 1)", 1, "number")]
    [InlineData("Spring.GetTeamUnitCount({team})", 1, "number")]
    [InlineData("Spring.GetTeamUnitCount({foe})", 0, "nil")]
    [InlineData("Spring.GetTeamUnitCount(99)", 0, "nil")]
    [InlineData("Spring.GetTeamUnitsCounts({team})", 1, "table")]
    [InlineData("Spring.GetTeamUnitsSorted({team})", 1, "table")]
    [InlineData("Spring.GetTeamUnitDefCount({team}, 1)", 1, "number")]
    [InlineData("Spring.GetTeamUnitsByDefs({team}, {1, 2})", 1, "table")]
    [InlineData("Spring.GetTeamAllyTeamID({team})", 1, "number")]
    [InlineData("Spring.AreTeamsAllied({team}, {foe})", 1, "boolean")]
    [InlineData("Spring.AreTeamsAllied({team}, 99)", 0, "nil")]
    [InlineData("Spring.ArePlayersAllied(0, 0)", 1, "boolean")]
    [InlineData("Spring.GetTeamMaxUnits({team})", 2, "number")]
    [InlineData("Spring.GetUnitIsBeingBuilt({own})", 2, "boolean")]
    [InlineData("Spring.GetUnitIsBeingBuilt({enemy})", 0, "nil")]
    [InlineData("Spring.GetUnitIsStunned({own})", 3, "boolean")]
    [InlineData("Spring.GetUnitIsActive({own})", 1, "boolean")]
    [InlineData("Spring.GetUnitIsCloaked({own})", 1, "boolean")]
    [InlineData("Spring.GetUnitRadius({own})", 1, "number")]
    [InlineData("Spring.GetUnitRadius({enemy})", 0, "nil")]
    [InlineData("Spring.GetUnitHeight({own})", 1, "number")]
    [InlineData("Spring.GetUnitMass({own})", 1, "number")]
    [InlineData("Spring.GetUnitTooltip({own})", 1, "string")]
    [InlineData("Spring.GetUnitCosts({own})", 3, "number")]
    [InlineData("Spring.GetUnitDirection({own})", 3, "number")]
    [InlineData("Spring.GetUnitExperience({own})", 2, "number")]
    [InlineData("Spring.GetUnitNeutral({own})", 1, "boolean")]
    [InlineData("Spring.GetUnitStockpile({own})", 0, "nil")]
    [InlineData("Spring.GetUnitSensorRadius({own}, 'los')", 1, "number")]
    [InlineData("Spring.GetUnitSensorRadius({own}, 'nonsense')", 0, "nil")]
    [InlineData("Spring.GetUnitSensorRadius({enemy}, 'los')", 0, "nil")]
    [InlineData("Spring.IsUnitInRadar({own})", 1, "boolean")]
    [InlineData("Spring.IsUnitInAirLos({own})", 1, "boolean")]
    [InlineData("Spring.GetUnitSeparation({own}, {own})", 1, "number")]
    [InlineData("Spring.GetUnitSeparation({own}, {enemy})", 0, "nil")]
    [InlineData("Spring.GetUnitNearestAlly({own})", 1, "number")]
    [InlineData("Spring.GetUnitNearestEnemy({enemy})", 0, "nil")]
    [InlineData("Spring.GetCameraDirection()", 3, "number")]
    [InlineData("Spring.GetCameraFOV()", 2, "number")]
    [InlineData("Spring.GetCameraState()", 1, "table")]
    [InlineData("Spring.SetCameraState({px = 100, pz = 100})", 1, "boolean")]
    [InlineData("Spring.GetCameraVectors()", 1, "table")]
    [InlineData("Spring.WorldToScreenCoords(4096, 0, 4096)", 3, "number")]
    [InlineData("Spring.TraceScreenRay(960, 540)", 2, "string")]
    [InlineData("Spring.TraceScreenRay(-1e7, 540)", 0, "nil")]
    [InlineData("Spring.IsSphereInView(4096, 0, 4096, 10)", 1, "boolean")]
    [InlineData("Spring.IsAABBInView(0, 0, 0, 10, 10, 10)", 1, "boolean")]
    [InlineData("Spring.IsUnitInView({own})", 1, "boolean")]
    [InlineData("Spring.IsUnitInView({enemy})", 0, "nil")]
    [InlineData("Spring.GetMiniMapGeometry()", 6, "number")]
    [InlineData("Spring.GetWindowGeometry()", 8, "number")]
    [InlineData("Spring.GetScreenGeometry()", 4, "number")]
    [InlineData("Spring.GetClipboard()", 1, "string")]
    [InlineData("Spring.IsGUIHidden()", 1, "boolean")]
    [InlineData("Spring.GetDrawFrame()", 2, "number")]
    [InlineData("Spring.GetModKeyState()", 4, "boolean")]
    [InlineData("Spring.GetKeyState(97)", 1, "boolean")]
    [InlineData("Spring.GetPressedKeys()", 1, "table")]
    [InlineData("Spring.GetMouseCursor()", 2, "string")]
    [InlineData("Spring.PlaySoundFile('sounds/beep.wav', 1)", 1, "boolean")]
    [InlineData("Spring.SetMouseCursor('cursornormal')", 0, "nil")]
    [InlineData("Spring.MarkerAddPoint(1, 2, 3, 'x')", 0, "nil")]
    [InlineData("Spring.SendLuaRulesMsg('hello')", 0, "nil")]
    [InlineData("Spring.GetMenuName()", 1, "string")]
    [InlineData("Spring.GetKeyCode('a')", 1, "number")]
    [InlineData("Spring.GetKeyCode('nosuchkey')", 0, "nil")]
    [InlineData("Spring.GetKeySymbol(97)", 2, "string")]
    [InlineData("Spring.GetGameRulesParams()", 1, "table")]
    [InlineData("Spring.GetTeamRulesParams({team})", 1, "table")]
    [InlineData("Spring.GetTeamRulesParams(99)", 0, "nil")]
    [InlineData("Spring.GetPlayerRulesParams(0)", 1, "table")]
    [InlineData("Spring.GetUnitRulesParams({own})", 1, "table")]
    [InlineData("Spring.GetUnitRulesParams({enemy})", 0, "nil")]
    [InlineData("Spring.GetVisibleFeatures()", 1, "table")]
    [InlineData("Spring.GetUnitCmdDescs({own})", 1, "table")]
    [InlineData("Spring.GetUnitCmdDescs({enemy})", 0, "nil")]
    [InlineData("Spring.FindUnitCmdDesc({own}, CMD.STOP)", 1, "number")]
    [InlineData("Spring.FindUnitCmdDesc({own}, 123456)", 0, "nil")]
    [InlineData("Spring.GetActiveCmdDescs()", 1, "table")]
    [InlineData("Spring.GetActiveCmdDesc(1)", 0, "nil")]
    [InlineData("Spring.GetCmdDescIndex(CMD.STOP)", 0, "nil")]
    [InlineData("Spring.GetFactoryCommandCount({own})", 0, "nil")]
    [InlineData("Spring.GetFactoryCounts({enemy})", 0, "nil")]
    [InlineData("Spring.GetFullBuildQueue({enemy})", 0, "nil")]
    [InlineData("Spring.GetRealBuildQueue({enemy})", 0, "nil")]
    [InlineData("Spring.DeselectUnit({own})", 0, "nil")]
    [InlineData("Spring.DeselectUnitArray({{own}})", 0, "nil")]
    [InlineData("Spring.DeselectUnitMap({[{own}] = true})", 0, "nil")]
    [InlineData("Spring.GetGroupUnitsSorted(1)", 1, "table")]
    [InlineData("Spring.GetGroupUnitsCounts(1)", 1, "table")]
    [InlineData("Spring.GetPlayerRoster()", 1, "table")]
    [InlineData("Spring.GetAllyTeamInfo(0)", 1, "table")]
    [InlineData("Spring.GetAllyTeamInfo(77)", 0, "nil")]
    [InlineData("Spring.GetTeamOrigColor({team})", 4, "number")]
    [InlineData("Spring.IsAboveMiniMap(10, 1070)", 1, "boolean")]
    [InlineData("Spring.IsGodModeEnabled()", 1, "boolean")]
    [InlineData("Spring.IsNoCostEnabled()", 1, "boolean")]
    [InlineData("Spring.IsDevLuaEnabled()", 1, "boolean")]
    [InlineData("Spring.IsEditDefsEnabled()", 1, "boolean")]
    [InlineData("Spring.GetGlobalLos()", 1, "boolean")]
    [InlineData("Spring.GetGameName()", 1, "string")]
    [InlineData("Spring.GetTeamStartPosition({team})", 4, "number")]
    [InlineData("Spring.GetTeamStartPosition(99)", 0, "nil")]
    [InlineData("Spring.GetTeamLuaAI({team})", 1, "string")]
    [InlineData("Spring.GetHeadingFromVector(1, 0)", 1, "number")]
    [InlineData("Spring.GetVectorFromHeading(16384)", 2, "number")]
    [InlineData("Spring.GetFacingFromHeading(16384)", 1, "number")]
    [InlineData("Spring.GetHeadingFromFacing(1)", 1, "number")]
    [InlineData("Spring.GetLuaMemUsage()", 4, "number")]
    [InlineData("Spring.GetAllFeatures()", 1, "table")]
    [InlineData("Spring.GetFeaturesInRectangle(0, 0, 100, 100)", 1, "table")]
    [InlineData("Spring.GetFeaturesInCylinder(0, 0, 100)", 1, "table")]
    [InlineData("Spring.GetFeaturesInSphere(0, 0, 0, 100)", 1, "table")]
    [InlineData("Spring.GetUnitsInSphere(4096, 0, 4096, 5000)", 1, "table")]
    [InlineData("Spring.GetUnitsInBox(0, -1000, 0, 9000, 9000, 9000)", 1, "table")]
    [InlineData("Spring.GetUnitArrayCentroid({{own}})", 3, "number")]
    [InlineData("Spring.GetUnitArrayCentroid({{enemy}})", 0, "nil")]
    [InlineData("Spring.GetUnitMapCentroid({[{own}] = true})", 3, "number")]
    [InlineData("Spring.Quit()", 0, "nil")]
    public void Native_returns_recoils_values(string call, int count, string firstType)
    {
        using var e = new LuaEngine();
        e.AssertReturns(call, count, firstType);
    }

    [Theory]
    [InlineData("Spring.GetGroundHeight('x', 1)")]
    [InlineData("Spring.GetTeamUnitCount('x')")]
    [InlineData("Spring.GetUnitRadius('x')")]
    [InlineData("Spring.WorldToScreenCoords(1, 'y', 3)")]
    [InlineData("Spring.SetCameraState(5)")]
    [InlineData("Spring.GetKeyState('a')")]
    [InlineData("Spring.GetKeyCode({})")]
    [InlineData("Spring.GetUnitRulesParams('x')")]
    [InlineData("Spring.GetUnitsInSphere(1, 2, 3)")]
    [InlineData("Spring.GetUnitArrayCentroid(5)")]
    [InlineData("Spring.GetFeaturesInRectangle(0, 0, 1)")]
    public void A_bad_argument_is_a_lua_error(string call)
    {
        using var e = new LuaEngine();
        e.AssertLuaError(call);
    }

    [Fact]
    public void World_and_screen_conversions_agree()
    {
        using var e = new LuaEngine();
        var back = e.Value("local sx, sy = Spring.WorldToScreenCoords(4000, Spring.GetGroundHeight(4000, 4200), 4200) "
            + "local _, p = Spring.TraceScreenRay(sx, sy) "
            + "return math.floor(p[1] + 0.5) .. ',' .. math.floor(p[3] + 0.5)");
        Assert.Equal("4000,4200", back);
        Assert.Equal(false, e.Value("return Spring.IsSphereInView(-50000, 0, -50000, 10)"));
    }

    [Fact]
    public void Team_unit_counts_match_the_world()
    {
        using var e = new LuaEngine();
        var team = e.World.LocalTeamId;
        Assert.Equal((long)e.World.UnitCountOfTeam(team), e.Value($"return Spring.GetTeamUnitCount({team})"));
        Assert.Equal((long)e.World.UnitCountOfTeam(team),
            e.Value($"local n = 0 for _, c in pairs(Spring.GetTeamUnitsCounts({team})) do n = n + c end return n"));
    }

    [Fact]
    public void A_factory_queue_is_summarised_by_type_and_by_runs()
    {
        using var e = new LuaEngine();
        var pawn = e.World.UnitDefs.ByName("armpw")!;
        var tick = e.World.UnitDefs.ByName("armflea")!;
        var id = Assert.Single(e.SpawnOwn("armlab"));
        e.Value($"Spring.GiveOrderToUnit({id}, -{pawn.Id}, {{}}, 0) Spring.GiveOrderToUnit({id}, -{pawn.Id}, {{}}, 0) "
            + $"Spring.GiveOrderToUnit({id}, -{tick.Id}, {{}}, 0)");
        e.World.StepFrame();
        Assert.Equal(3L, e.Value($"return Spring.GetFactoryCommandCount({id})"));
        Assert.Equal(2L, e.Value($"return Spring.GetFactoryCounts({id})[{pawn.Id}]"));
        Assert.Equal(2L, e.Value($"return #Spring.GetFullBuildQueue({id})"));
        Assert.Equal(2L, e.Value($"return Spring.GetFullBuildQueue({id})[1][{pawn.Id}]"));
    }

    [Fact]
    public void The_selections_command_menu_holds_each_command_once_with_the_build_options()
    {
        using var e = new LuaEngine();
        var ids = e.SpawnOwn("armcom", 2);
        e.Value($"Spring.SelectUnitArray({{{ids[0]}, {ids[1]}}})");
        Assert.Equal(1L, e.Value("return Spring.GetCmdDescIndex(CMD.STOP)"));
        Assert.Equal("Stop", e.Value("return Spring.GetActiveCmdDesc(1).name"));
        var lab = e.World.UnitDefs.ByName("armlab")!.Id;
        Assert.Equal(true, e.Value($"return Spring.GetCmdDescIndex(-{lab}) ~= nil"));
        Assert.Equal(1L, e.Value("local n = 0 for _, d in ipairs(Spring.GetActiveCmdDescs()) do "
            + $"if d.id == -{lab} then n = n + 1 end end return n"));
    }

    [Fact]
    public void Key_codes_and_names_round_trip()
    {
        using var e = new LuaEngine();
        Assert.Equal("a", e.Value("return Spring.GetKeySymbol(Spring.GetKeyCode('A'))"));
        Assert.Equal("esc", e.Value("return Spring.GetKeySymbol(Spring.GetKeyCode('esc'))"));
        Assert.Equal(13L, e.Value("return Spring.GetKeyCode('return')"));
    }

    [Fact]
    public void Heading_and_facing_conversions_follow_recoils_units()
    {
        using var e = new LuaEngine();
        Assert.Equal(16384L, e.Value("return Spring.GetHeadingFromVector(1, 0)"));
        Assert.Equal(1L, e.Value("return Spring.GetFacingFromHeading(16384)"));
        Assert.Equal(2L, e.Value("return Spring.GetFacingFromHeading(-32768)"));
        Assert.Equal(-32768L, e.Value("return Spring.GetHeadingFromFacing(2)"));
        Assert.Equal(0L, e.Value("return Spring.GetFacingFromHeading(0)"));
    }

    [Fact]
    public void Ui_calls_are_recorded_in_order_and_the_clipboard_keeps_its_text()
    {
        using var e = new LuaEngine();
        e.Value("Spring.PlaySoundFile('a.wav') Spring.SetMouseCursor('move') Spring.SetClipboard('x')");
        Assert.Equal([("Spring.PlaySoundFile", "a.wav"), ("Spring.SetMouseCursor", "move")], e.Api.RecordedUiCalls);
        Assert.Equal("x", e.Value("return Spring.GetClipboard()"));
        Assert.Equal("move", e.Value("return Spring.GetMouseCursor()"));
    }

    [Fact]
    public void A_stockpiling_unit_reports_its_stockpile()
    {
        using var e = new LuaEngine();
        var id = Assert.Single(e.SpawnOwn("armamd"));
        Assert.Equal(3L, e.CountOf($"Spring.GetUnitStockpile({id})"));
    }
}
