namespace BarHarness.Engine.Tests.SpringApi;

/// <summary>
/// A partial BAR tree mounted with --game: the widget's includes resolve from it, read-only and confined.
/// </summary>
public sealed class VfsGameTreeTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("bh-game");

    public VfsGameTreeTests()
    {
        Write("game/LuaUI/Include/unit_util.lua", "local M = {} function M.double(x) return 2 * x end return M");
        Write("game/luaui/Headers/keysym.h.lua", "KEYSYMS = { ESCAPE = 27 }");
        Write("game/common/broken.lua", "local x = 1\nlocal y = nil\nreturn y.field");
        Write("game/gamedata/armordefs.lua", "return { default = 1 }");
        Write("widget/own.lua", "return 'widget'");
        Write("game/LuaUI/Widgets/own.lua", "return 'game'");
        Write("secret.lua", "return 'outside'");
    }

    [Fact]
    public void Widget_includes_a_module_from_the_mounted_tree()
    {
        using var e = Engine();
        Assert.Equal(42L, e.Value("local m = VFS.Include('luaui/include/unit_util.lua') return m.double(21)"));
        Assert.Equal(true, e.Value("return VFS.FileExists('gamedata/armordefs.lua')"));
        Assert.Equal("return { default = 1 }", e.Value("return VFS.LoadFile('gamedata/armordefs.lua')"));
    }

    [Fact]
    public void Without_the_mount_the_same_include_is_missing()
    {
        var options = new EngineApiOptions { WidgetFolder = Path.Combine(_root.FullName, "widget") };
        using var e = new LuaEngine(options: options);
        Assert.Contains("Couldn't open", e.Error("VFS.Include('LuaUI/Include/unit_util.lua') return 1"));
    }

    [Fact]
    public void Path_case_and_slashes_do_not_matter()
    {
        using var e = Engine();
        Assert.Equal(true, e.Value("return VFS.FileExists('LUAUI\\\\INCLUDE\\\\Unit_Util.LUA')"));
        Assert.Equal(true, e.Value("return VFS.FileExists('/LuaUI/Include/unit_util.lua')"));
    }

    [Fact]
    public void The_widget_folder_is_searched_before_the_tree()
    {
        using var e = Engine();
        Assert.Equal("widget", e.Value("return VFS.Include('LuaUI/Widgets/own.lua', {})"));
        Assert.Equal(1L, e.Value("return #VFS.DirList('LuaUI/Widgets/', '*.lua')"));
    }

    [Fact]
    public void DirList_lists_a_folder_of_the_tree()
    {
        using var e = Engine();
        Assert.Equal("luaui/include/unit_util.lua", e.Value("return VFS.DirList('luaui/include', '*.lua')[1]"));
    }

    [Fact]
    public void A_missing_include_names_the_file_and_LoadFile_returns_nil()
    {
        using var e = Engine();
        Assert.Contains("LuaUI/Include/nothere.lua", IncludeError(e, "LuaUI/Include/nothere.lua"));
        AssertUnreadable(e, "LuaUI/Include/nothere.lua");
    }

    [Fact]
    public void An_error_inside_an_included_file_names_that_file_and_line()
    {
        using var e = Engine();
        Assert.Contains("common/broken.lua:3:", IncludeError(e, "common/broken.lua"));
    }

    [Fact]
    public void Dot_dot_cannot_leave_the_mounted_root()
    {
        using var e = Engine();
        AssertUnreadable(e, "../secret.lua");
        AssertUnreadable(e, "luaui/../../secret.lua");
        AssertUnreadable(e, "common/../../secret.lua");
        Assert.Equal(0L, e.Value("return #VFS.DirList('..', '*.lua')"));
    }

    [Fact]
    public void The_widget_include_helper_reads_LuaUI_Headers_from_the_tree()
    {
        using var e = Engine();
        const string Probe = "local env = {} VFS.Include('LuaUI/Headers/keysym.h.lua', env) return env.KEYSYMS.ESCAPE";
        Assert.Equal(27L, e.Value(Probe));
    }

    [Fact]
    public void Reading_through_the_VFS_leaves_the_tree_unchanged()
    {
        var file = Path.Combine(_root.FullName, "game/LuaUI/Include/unit_util.lua");
        var before = File.GetLastWriteTimeUtc(file);
        using (var e = Engine())
        {
            e.Value("VFS.Include('LuaUI/Include/unit_util.lua') return VFS.LoadFile('LuaUI/Include/unit_util.lua')");
        }

        Assert.Equal(before, File.GetLastWriteTimeUtc(file));
        Assert.Equal("local M = {} function M.double(x) return 2 * x end return M", File.ReadAllText(file));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private LuaEngine Engine() => new(options: new EngineApiOptions
    {
        WidgetFolder = Path.Combine(_root.FullName, "widget"),
        GameFolder = Path.Combine(_root.FullName, "game"),
    });

    /// <summary>The error VFS.Include of <paramref name="path"/> raises.</summary>
    private static string IncludeError(LuaEngine e, string path) => e.Error($"VFS.Include('{path}') return 1");

    /// <summary>Asserts that the VFS neither finds nor loads <paramref name="path"/>.</summary>
    private static void AssertUnreadable(LuaEngine e, string path)
    {
        Assert.Equal(false, e.Value($"return VFS.FileExists('{path}')"));
        Assert.Equal(true, e.Value($"return VFS.LoadFile('{path}') == nil"));
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
