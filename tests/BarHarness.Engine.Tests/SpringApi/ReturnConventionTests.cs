namespace BarHarness.Engine.Tests.SpringApi;

/// <summary>
/// What unit, team and game reads answer beyond their counts of values (GetUnitPosition's 3, 6 or 9 and the
/// like are rows of <see cref="ApiBreadthTests"/>' table): the values, dead and hidden units, ids, timers.
/// </summary>
public class ReturnConventionTests
{
    [Fact]
    public void GetUnitPosition_gives_three_numbers()
    {
        using var e = new LuaEngine();
        var u = e.OwnUnit();
        Assert.Equal("number number number",
            e.Value($"local x, y, z = Spring.GetUnitPosition({u}) return type(x)..' '..type(y)..' '..type(z)"));
    }

    [Fact]
    public void Unit_reads_return_nothing_for_a_dead_unit()
    {
        using var e = new LuaEngine();
        e.AssertUnitReadsReturnNothing(e.DeadUnitId(), "GetUnitPosition", "GetUnitHealth", "GetUnitDefID",
            "GetUnitTeam", "GetUnitVelocity", "GetUnitHeading", "GetUnitIsDead", "IsUnitInLos");
    }

    [Fact]
    public void Unit_reads_return_nothing_for_an_enemy_the_player_cannot_see()
    {
        using var e = new LuaEngine();
        e.AssertUnitReadsReturnNothing(e.HiddenEnemy(), "GetUnitPosition", "GetUnitHealth", "GetUnitTeam");
    }

    [Fact]
    public void A_non_number_unit_id_raises_a_lua_error()
    {
        using var e = new LuaEngine();
        Assert.Contains("not a number", e.Error("Spring.GetUnitPosition('abc') return 1"));
        Assert.Contains("not a number", e.Error("Spring.GetUnitHealth(nil) return 1"));
        Assert.Contains("not a number", e.Error("Spring.GetUnitDefID({}) return 1"));
    }

    [Fact]
    public void A_numeric_string_unit_id_is_accepted_as_lua_isnumber_does()
    {
        using var e = new LuaEngine();
        var u = e.OwnUnit();
        Assert.Equal(3L, e.CountOf($"Spring.GetUnitPosition('{u}')"));
    }

    [Fact]
    public void GetUnitHealth_of_an_allied_unit_is_its_true_health()
    {
        using var e = new LuaEngine();
        var u = e.OwnUnit();
        e.World.TryGetTrueHealth(u, out var health, out _, out _);
        Assert.Equal((double)health, e.FirstNumber($"Spring.GetUnitHealth({u})"), 3);
    }

    [Fact]
    public void Engine_booleans_are_lua_booleans()
    {
        using var e = new LuaEngine();
        var u = e.OwnUnit();
        Assert.Equal("boolean", e.Value("return type(Spring.IsGameOver())"));
        Assert.Equal("boolean", e.Value("return type(Spring.IsReplay())"));
        Assert.Equal("boolean boolean boolean",
            e.Value("local a, b, c = Spring.GetSpectatingState() return type(a)..' '..type(b)..' '..type(c)"));
        Assert.Equal("boolean boolean",
            e.Value("local _, _, dead, ai = Spring.GetTeamInfo(0) return type(dead)..' '..type(ai)"));
        Assert.Equal(false, e.Value($"return Spring.GetUnitIsDead({u})"));
        Assert.Equal("boolean", e.Value("local _, _, paused = Spring.GetGameSpeed() return type(paused)"));
        Assert.Equal(false, e.Value("return Spring.ValidUnitID('not a number')"));
    }

    [Fact]
    public void Timers_are_lightuserdata_and_DiffTimers_refuses_anything_else()
    {
        using var e = new LuaEngine();
        Assert.Equal("userdata", e.Value("return type(Spring.GetTimer())"));
        Assert.Equal("number", e.Value("local a = Spring.GetTimer() local s = 0 for i = 1, 10000 do s = s + i end "
            + "return type(Spring.DiffTimers(Spring.GetTimer(), a))"));
        Assert.True(Convert.ToDouble(e.Value("local a = Spring.GetTimer() local s = 0 for i = 1, 100000 do s = s + i "
            + "end return Spring.DiffTimers(Spring.GetTimer(), a, true)")) > 0);
        Assert.Contains("DiffTimers", e.Error("Spring.DiffTimers(1, 2) return 1"));
    }

    [Fact]
    public void Virtual_timers_measure_the_same_work_identically_in_two_runs()
    {
        const string probe = "local a = Spring.GetTimer() local s = 0 for i = 1, 50000 do s = s + i end return "
            + "Spring.DiffTimers(Spring.GetTimer(), a, true)";
        using var first = new LuaEngine();
        using var second = new LuaEngine();
        Assert.Equal(first.Value(probe), second.Value(probe));
    }

    [Fact]
    public void Virtual_timers_price_work_at_each_vms_cpu_prices()
    {
        Assert.Same(VirtualTimerCostModel.Lua51, VirtualTimerCostModel.For(LuaHost.Interop.LuaVmKind.Lua51));
        Assert.Same(VirtualTimerCostModel.Lua54, VirtualTimerCostModel.For(LuaHost.Interop.LuaVmKind.Lua54));
        Assert.Equal(7_000 + 900, VirtualTimerCostModel.Lua51.Nanos(1000, 10));

        // The clock a widget reads advances by exactly that price for the work between two readings.
        using var e = new LuaEngine();
        var prices = e.Api.Options.TimerCosts;
        var instructions = e.Runtime.Meter.Instructions;
        var calls = e.Runtime.EngineCalls;
        var ms = Convert.ToDouble(e.Value("local a = Spring.GetTimer() local s = 0 for i = 1, 200000 do s = s + i end "
            + "return Spring.DiffTimers(Spring.GetTimer(), a, true)"));
        var spentNanos = prices.Nanos(
            e.Runtime.Meter.Instructions - instructions, e.Runtime.EngineCalls - calls);
        Assert.True(ms > 0, "the instruction meter runs, so the virtual clock moves");
        Assert.InRange(ms * 1e6, spentNanos - prices.Nanos(3000, 10), spentNanos);
    }

    [Fact]
    public void GetGameFrame_splits_the_frame_into_two_integers()
    {
        using var e = new LuaEngine();
        for (var i = 0; i < 45; i++)
        {
            e.World.StepFrame();
        }

        Assert.Equal("45 0", e.Value("local f, d = Spring.GetGameFrame() return f .. ' ' .. d"));
        Assert.Equal(1.5, Convert.ToDouble(e.Value("return Spring.GetGameSeconds()")), 6);
    }

    [Fact]
    public void GetTeamResources_answers_for_allies_only_unless_spectating()
    {
        using var player = new LuaEngine();
        var enemyTeam = player.World.Roster.Teams.First(t => t.AllyTeamId != player.World.LocalAllyTeamId).TeamId;
        Assert.Equal(9L, player.CountOf("Spring.GetTeamResources(0, 'metal')"));
        Assert.Equal(0L, player.CountOf($"Spring.GetTeamResources({enemyTeam}, 'energy')"));

        using var spectator = new LuaEngine(
            new GameSetup { Seed = 77, InitialUnits = 50, LocalPlayer = LocalPlayerSetup.Spectator(fullView: true) });
        Assert.Equal(9L, spectator.CountOf($"Spring.GetTeamResources({enemyTeam}, 'energy')"));
    }

    [Fact]
    public void GetTeamList_includes_gaia_as_the_last_team()
    {
        using var e = new LuaEngine();
        var gaia = e.World.Roster.GaiaTeamId;
        Assert.Equal((long)gaia, e.Value("local t = Spring.GetTeamList() return t[#t]"));
        Assert.Equal((long)gaia, e.Value("return Spring.GetGaiaTeamID()"));
    }

    [Fact]
    public void GetAllUnits_lists_exactly_what_the_local_player_may_see()
    {
        using var e = new LuaEngine();
        e.World.StepFrame();
        Assert.Equal((long)e.World.VisibleUnitIdsForLocalPlayer().Length, e.Value("return #Spring.GetAllUnits()"));
        Assert.True(e.World.VisibleUnitIdsForLocalPlayer().Length < e.World.UnitCount);
    }

    [Fact]
    public void A_radar_blip_has_a_position_off_the_truth_but_no_def_or_health()
    {
        using var e = new LuaEngine();
        var enemy = e.HiddenEnemy();
        var s = e.World.Units.Slot(enemy);
        e.World.Units.RadarMask[s] |= 1u << e.World.LocalAllyTeamId;
        Assert.Equal(3L, e.CountOf($"Spring.GetUnitPosition({enemy})"));
        Assert.Equal(0L, e.CountOf($"Spring.GetUnitDefID({enemy})"));
        Assert.Equal(0L, e.CountOf($"Spring.GetUnitHealth({enemy})"));
        e.World.TryGetTruePosition(enemy, out var x, out _, out _);
        Assert.NotEqual((double)x, e.FirstNumber($"Spring.GetUnitPosition({enemy})"), 3);
    }

    [Fact]
    public void A_unit_killed_right_after_GetAllUnits_answers_nothing_afterwards()
    {
        using var e = new LuaEngine();
        e.World.Hazards.DestroyUnitAfterUnitList = true;
        Assert.Equal(1L, e.CountUnitsWhere("Spring.GetUnitPosition(u) == nil"));
    }
}
