namespace BarHarness.Widget.Tests;

/// <summary>Where the widget and its Lua test suite live, found from the test binary's folder.</summary>
internal static class RepositoryLayout
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string WidgetDirectory => Path.Combine(Root, "widget");

    public static string LuaTestRunner => Path.Combine(Root, "tests", "lua", "run.lua");

    /// <summary>Every .lua file the widget ships (main file and helper modules).</summary>
    public static IReadOnlyList<string> WidgetLuaFiles() =>
        Directory.GetFiles(WidgetDirectory, "*.lua", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();

    // The solution file marks the repository root; walking up works from bin/ and from an IDE.
    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BarHarness.sln")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException(
            $"BarHarness.sln not found in any parent of {AppContext.BaseDirectory}; run the tests from inside "
                + $"the repository.");
    }
}
