using System.Runtime.CompilerServices;

namespace BarHarness.Scenarios.Tests.Definition;

/// <summary>Finds the repository (and its scenarios/ folder) from this source file's location.</summary>
internal static class RepositoryFiles
{
    public static string Root => FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null;
                dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "scenarios"))
                    && File.Exists(Path.Combine(dir.FullName, "BarHarness.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("repository root (BarHarness.sln beside scenarios/) not found");
    }
}
