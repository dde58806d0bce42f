namespace BarHarness.Engine.Tests.SpringApi;

public class ConsoleAndTablesTests
{
    [Fact]
    public void Echo_joins_its_arguments_with_comma_space()
    {
        using var e = new LuaEngine();
        e.Value("Spring.Echo('a', 1, 2.5, nil, true) return 1");
        Assert.Equal("a, 1, 2.5, nil, true", e.Runtime.Console.Lines[^1].Text);
    }

    [Fact]
    public void Log_needs_three_arguments_and_LOG_has_recoil_levels()
    {
        using var e = new LuaEngine();
        Assert.Contains("Incorrect arguments", e.Error("Spring.Log('w', LOG.INFO) return 1"));
        Assert.Equal(40L, e.Value("return LOG.WARNING"));
        e.Value("Spring.Log('mywidget', LOG.WARNING, 'careful') return 1");
        Assert.Equal("[mywidget] careful", e.Runtime.Console.Lines[^1].Text);
    }

    [Fact]
    public void Game_map_size_is_map_squares_times_eight()
    {
        using var e = new LuaEngine(new GameSetup { Seed = 1, MapSquaresX = 512, MapSquaresZ = 768 });
        Assert.Equal("4096 6144 30", e.Value("return Game.mapSizeX .. ' ' .. Game.mapSizeZ .. ' ' .. Game.gameSpeed"));
    }

    [Fact]
    public void UnitDefs_are_read_only_proxies_iterated_with_their_pairs_method()
    {
        using var e = new LuaEngine();
        var def = e.World.UnitDefs[1];
        Assert.Equal(def.Name, e.Value("return UnitDefs[1].name"));
        Assert.Equal(true, e.Value("return UnitDefNames[UnitDefs[1].name] == UnitDefs[1]"));
        Assert.Equal(0L, e.Value("local n = 0 for _ in pairs(UnitDefs[1]) do n = n + 1 end return n"));
        Assert.True(Convert.ToInt64(e.Value("local n = 0 for k, v in UnitDefs[1]:pairs() do n = n + 1 "
            + "end return n")) > 10);
        Assert.Contains("Attempt to write", e.Error("UnitDefs[1].health = 5 return 1"));
        Assert.Equal("table", e.Value("return type(UnitDefs[1].customParams)"));
    }

    [Fact]
    public void Calling_an_unimplemented_engine_function_names_it_and_is_recorded()
    {
        using var e = new LuaEngine();
        var message = e.Error("Spring.GetProjectilePosition(1) return 1");
        Assert.Contains(
            "Spring.GetProjectilePosition is not implemented by BarHarness (engine function from LuaSyncedRead)",
                message);
        Assert.Equal(1, e.Api.UnimplementedCalls["Spring.GetProjectilePosition"]);
        Assert.Equal(true, e.Value("return Spring.NoSuchFunctionAnywhere == nil"));
    }

    [Fact]
    public void Gl_and_font_stubs_count_calls_and_return_usable_values()
    {
        using var e = new LuaEngine();
        e.Value("gl.Color(1,1,1,1) gl.Color(1,0,0,1) gl.Rect(0,0,1,1) local f = gl.LoadFont('x.otf', 20) f:Begin() "
            + "f:Print('hi', 0, 0) f:End() local l = gl.CreateList(function() end) return type(l)");
        Assert.Equal(2L, e.Api.StubCalls["gl.Color"]);
        Assert.Equal(1L, e.Api.StubCalls["font.Print"]);
        Assert.Equal("number", e.Value("return type(gl.CreateList(function() end))"));
        Assert.Equal(true, e.Value("return gl.GetTextWidth('abcd') > 0"));
        Assert.Equal(4L, e.Value("return GL.TRIANGLES"));
    }

    [Fact]
    public void Gl_CreateList_runs_its_function_at_once_and_logs_its_error_as_Recoil_does()
    {
        using var e = new LuaEngine();
        Assert.Equal(3L, e.Value("local got local l = gl.CreateList(function(a, b) got = a + b end, 1, 2) "
            + "assert(type(l) == 'number' and l > 0) return got"));
        Assert.Equal(0L, e.Value("return gl.CreateList(function() error('bad list') end)"));
        Assert.Contains(e.Runtime.Console.Lines, line => line.Text.StartsWith("gl.CreateList: error(2) = ",
            StringComparison.Ordinal) && line.Text.Contains("bad list", StringComparison.Ordinal));
        Assert.Contains("Incorrect arguments to gl.CreateList", e.Error("gl.CreateList(42)"));
    }

    [Fact]
    public void Config_values_round_trip_in_memory()
    {
        using var e = new LuaEngine();
        Assert.Equal(7L, e.Value("return Spring.GetConfigInt('Missing', 7)"));
        Assert.Equal(42L, e.Value("Spring.SetConfigInt('X', 42) return Spring.GetConfigInt('X', 0)"));
        Assert.Equal("v", e.Value("Spring.SetConfigString('S', 'v') return Spring.GetConfigString('S', '')"));
    }

    [Fact]
    public void VFS_reads_and_includes_files_of_the_widget_folder()
    {
        var dir = Directory.CreateTempSubdirectory("bh-vfs");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "helper.lua"), "return { answer = 42 }");
            using var e = new LuaEngine(options: new EngineApiOptions { WidgetFolder = dir.FullName });
            Assert.Equal(true, e.Value("return VFS.FileExists('LuaUI/Widgets/helper.lua')"));
            Assert.Equal(true, e.Value("return VFS.FileExists('luaui/widgets/HELPER.lua')"));
            Assert.Equal(false, e.Value("return VFS.FileExists('LuaUI/Widgets/../../etc/passwd')"));
            Assert.Equal(42L, e.Value("return VFS.Include('LuaUI/Widgets/helper.lua', {}).answer"));
            Assert.Equal(1L, e.Value("return #VFS.DirList('LuaUI/Widgets/', '*.lua')"));
            Assert.Contains("Couldn't open", e.Error("VFS.Include('LuaUI/Widgets/none.lua') return 1"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Float32_option_rounds_engine_numbers()
    {
        using var e = new LuaEngine(
            luaOptions: new BarHarness.LuaHost.Runtime.LuaRuntimeOptions { Float32Numbers = true });
        e.World.GiveHugeResources(value: 123456789.123);
        e.World.StepFrame();
        var current = e.FirstNumber("Spring.GetTeamResources(0, 'metal')");
        Assert.Equal((double)(float)123456789.123, current);
    }
}
