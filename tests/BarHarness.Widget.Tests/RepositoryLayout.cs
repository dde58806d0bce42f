namespace BarHarness.Widget.Tests;

/// <summary>Where the widget and its Lua test suite live, found from the test binary's folder.</summary>
internal static class RepositoryLayout
{
    private static readonly Lazy<string> s_root = new(TestEnvironment.RepositoryRoot);

    public static string Root => s_root.Value;

    public static string WidgetDirectory => Path.Combine(Root, "widget");

    public static string LuaTestRunner => Path.Combine(Root, "tests", "lua", "run.lua");

    /// <summary>Every .lua file the widget ships (main file and helper modules).</summary>
    public static IReadOnlyList<string> WidgetLuaFiles() =>
        Directory.GetFiles(WidgetDirectory, "*.lua", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
}
