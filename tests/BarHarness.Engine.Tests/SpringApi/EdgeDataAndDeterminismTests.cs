namespace BarHarness.Engine.Tests.SpringApi;

public class EdgeDataAndDeterminismTests
{
    private const string EchoEveryUnit =
        "for _, u in ipairs(Spring.GetAllUnits()) do local x, y, z = Spring.GetUnitPosition(u) local h = "
            + "Spring.GetUnitHealth(u) Spring.Echo(u, x, z, h) end return 1";

    private static List<string> EchoLog(ulong seed)
    {
        using var e = new LuaEngine(new GameSetup { Seed = seed, InitialUnits = 80, CombatIntensity = 0.01 });
        e.World.SetChurn(0.5, 0.5);
        for (var f = 0; f < 90; f++)
        {
            e.World.StepFrame();
            if (f % 30 == 0)
            {
                e.Value(EchoEveryUnit);
            }
        }

        return e.Runtime.Console.Lines.Select(l => l.Text).ToList();
    }

    [Fact]
    public void Two_runs_with_the_same_seed_write_identical_echo_logs()
    {
        var first = EchoLog(5);
        Assert.NotEmpty(first);
        Assert.Equal(first, EchoLog(5));
        Assert.NotEqual(first, EchoLog(6));
    }

    [Fact]
    public void Non_finite_positions_reach_lua_as_nan_or_inf_numbers()
    {
        using var e = FullViewSpectatorOf20Units();
        e.World.InjectNonFinitePositions(20);
        var bad = e.CountUnitsWhere(
            "x ~= x or x == math.huge or x == -math.huge", perUnit: "local x = Spring.GetUnitPosition(u)");
        Assert.True(bad > 0);
    }

    [Fact]
    public void Negative_health_is_reported_as_is_and_the_unit_lives_on()
    {
        using var e = FullViewSpectatorOf20Units();
        e.World.InjectNegativeHealth(20);
        e.World.StepFrame();
        Assert.True(e.CountUnitsWhere("Spring.GetUnitHealth(u) < 0") > 0);
        Assert.Equal(20, e.World.UnitCount);
    }

    [Fact]
    public void Unicode_player_names_reach_lua_intact()
    {
        using var e = new LuaEngine();
        e.World.UseUnicodePlayerNames();
        var expected = e.World.Roster.Players[0].Name;
        Assert.Equal(expected, e.Value("return (Spring.GetPlayerInfo(0))"));
    }

    private static LuaEngine FullViewSpectatorOf20Units() =>
        new(new GameSetup { Seed = 3, InitialUnits = 20, LocalPlayer = LocalPlayerSetup.Spectator(fullView: true) });
}
