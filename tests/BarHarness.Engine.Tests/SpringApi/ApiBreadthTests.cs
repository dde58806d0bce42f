namespace BarHarness.Engine.Tests.SpringApi;

/// <summary>
/// Return conventions of every API area's natives, one row each in the case tables beside this file: how many
/// values Recoil returns (0 = nothing) and the type of the first; and calls whose bad argument is a Lua error.
/// Placeholders ({own}, {enemy}, {builder}, {team}, {foe}, {feature}) are filled by <see cref="LuaEngine"/>.
/// The facts below, and each area's own test class, pin what a row cannot say.
/// </summary>
public class ApiBreadthTests
{
    [Theory]
    [CaseTable("SpringApi/ApiBreadthTests.Native_returns_recoils_values.tsv")]
    public void Native_returns_recoils_values(string call, int count, string firstType)
    {
        using var e = new LuaEngine();
        e.AssertReturns(call, count, firstType);
    }

    [Theory]
    [CaseTable("SpringApi/ApiBreadthTests.A_bad_argument_is_a_lua_error.tsv")]
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
