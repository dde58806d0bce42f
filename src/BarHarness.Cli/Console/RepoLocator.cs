namespace BarHarness.Cli.Console;

/// <summary>Finds the repository root (the folder holding BarHarness.sln) so defaults work from any
/// sub-folder.</summary>
public static class RepoLocator
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BarHarness.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
