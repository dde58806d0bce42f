namespace BarHarness.Scenarios.Shrinking;

/// <summary>Default place for a reproduction: <c>scenarios/repro/NAME.yaml</c> with a file-safe name.</summary>
public static class ReproFileName
{
    public static string DefaultPath(string repoRoot, string name) =>
        Path.Combine(repoRoot, "scenarios", "repro", Slug(name) + ".yaml");

    public static string Slug(string name)
    {
        var b = new StringBuilder();
        foreach (var c in name)
        {
            b.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? char.ToLowerInvariant(c) : '-');
        }

        var slug = b.ToString().Trim('-');
        return slug.Length == 0 ? "repro" : slug;
    }

    /// <summary>The path as the user should type it: relative to the repository when inside it.</summary>
    public static string Display(string repoRoot, string path)
    {
        var rel = Path.GetRelativePath(repoRoot, Path.GetFullPath(path));
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel)
            ? Path.GetFullPath(path)
            : rel.Replace('\\', '/');
    }
}
