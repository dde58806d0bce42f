namespace BarHarness.Core.Tools;

/// <summary>
/// Finds a command-line tool (luac5.1, lua5.4, ...) the way a shell would: in the first PATH folder holding it.
/// </summary>
public static class InstalledTool
{
    /// <summary>The full path of <paramref name="program"/> in the first PATH folder that has it, or null.</summary>
    public static string? Find(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
