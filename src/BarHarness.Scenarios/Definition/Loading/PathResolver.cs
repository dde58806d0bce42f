namespace BarHarness.Scenarios.Definition.Loading;

/// <summary>
/// Resolves paths written in a scenario: "./x" and "../x" are relative to the scenario file; other
/// relative paths are tried next to the scenario file, then at the repository root (the nearest
/// folder above the file holding BarHarness.sln, .git or widget/).
/// </summary>
internal static class PathResolver
{
    public static string Resolve(string written, string scenarioDirectory)
    {
        var normalised = written.Replace('\\', '/');
        if (Path.IsPathRooted(normalised))
        {
            return Path.GetFullPath(normalised);
        }

        var besideScenario = Path.GetFullPath(Path.Combine(scenarioDirectory, normalised));
        if (
            normalised.StartsWith("./", StringComparison.Ordinal)
            || normalised.StartsWith("../", StringComparison.Ordinal)
            || File.Exists(besideScenario))
        {
            return besideScenario;
        }

        var root = RepositoryRoot(scenarioDirectory);
        return root is null ? besideScenario : Path.GetFullPath(Path.Combine(root, normalised));
    }

    /// <summary>
    /// The file <paramref name="node"/> names (read as <paramref name="what"/>), resolved; a missing file is an
    /// input error at the node that calls it <paramref name="kind"/> and says what was <paramref name="expected"/>.
    /// </summary>
    public static string ExistingFile(YamlNode node, string what, ParseContext ctx, string kind, string expected)
    {
        var written = YamlValues.String(node, what);
        var resolved = Resolve(written, ctx.Directory);
        return File.Exists(resolved)
            ? resolved
            : throw new HarnessInputException(
                node.Location, $"{kind} '{written}' not found (looked at {resolved})", expected);
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that looks like the repository root.</summary>
    public static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BarHarness.sln"))
                || Directory.Exists(Path.Combine(dir.FullName, ".git"))
                || File.Exists(Path.Combine(dir.FullName, WidgetSpec.DefaultRelativePath)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
