using BarHarness.Scenarios.Definition.Loading;

namespace BarHarness.Scenarios.Definition;

/// <summary>
/// Reads scenario files. Every problem with a file is a <see cref="HarnessInputException"/> naming
/// file, line and column and what was expected; no other exception type escapes for bad content.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Scenario files larger than this are refused before parsing (a scenario is a few KB).</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    private static readonly string[] Extensions = [".yaml", ".yml"];

    /// <summary>Loads and validates one scenario file; errors name it as <paramref name="path"/> is written.</summary>
    public static ScenarioDefinition Load(string path) => Load(path, path);

    /// <summary>
    /// Loads one file, naming it <paramref name="display"/> in errors (e.g. its path relative to the
    /// repository, so that messages and reports read the same on every machine).
    /// </summary>
    public static ScenarioDefinition Load(string path, string display)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new HarnessInputException(
                    new SourceLocation(display, 1),
                    "scenario file not found",
                    "an existing .yaml file");
            }

            if (info.Length > MaxFileBytes)
            {
                throw new HarnessInputException(
                    new SourceLocation(display, 1),
                    $"scenario file is {info.Length} bytes",
                    $"at most {MaxFileBytes} bytes");
            }

            text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException ex)
        {
            throw new HarnessInputException(
                new SourceLocation(display, 1, 1),
                "scenario file is not valid UTF-8",
                "a UTF-8 text file",
                ex);
        }
        catch (Exception ex)
            when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new HarnessInputException(
                new SourceLocation(display, 1),
                "cannot read scenario file: " + ex.Message,
                "a readable file",
                ex);
        }

        return Parse(text, path, display);
    }

    /// <summary>
    /// Parses scenario text as if read from <paramref name="file"/> (paths in it resolve against that
    /// file's folder). For tests, fuzzing and tools that generate scenarios.
    /// </summary>
    public static ScenarioDefinition Parse(string text, string file) => Parse(text, file, file);

    private static ScenarioDefinition Parse(string text, string file, string display)
    {
        if (text.Length > MaxFileBytes)
        {
            throw new HarnessInputException(
                new SourceLocation(display, 1),
                $"scenario text is {text.Length} characters",
                $"at most {MaxFileBytes}");
        }

        var root = YamlDocumentReader.Read(text, display);
        return ScenarioParser.Parse(root, file, display);
    }

    /// <summary>
    /// Loads every scenario named by <paramref name="paths"/> (files, or folders searched recursively
    /// for *.yaml/*.yml, opt-in folders such as <c>soak/</c> below them left out), sorted by relative
    /// path. A broken file lands in <see cref="ScenarioBatch.Errors"/> and does not hide the others.
    /// Paths are made relative to <paramref name="baseDirectory"/> (default: the current directory)
    /// for sorting, sharding and display.
    /// </summary>
    public static ScenarioBatch LoadAll(IEnumerable<string> paths, string? baseDirectory = null)
    {
        var root = Path.GetFullPath(baseDirectory ?? Environment.CurrentDirectory);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<ScenarioLoadError>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
                {
                    if (Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)
                        && !InOptInFolder(full, file))
                    {
                        files[Relative(root, file)] = file;
                    }
                }
            }
            else if (File.Exists(full))
            {
                files[Relative(root, full)] = full;
            }
            else
            {
                var relative = Relative(root, full);
                errors.Add(
                    new ScenarioLoadError(
                        relative,
                        new HarnessInputException(
                            new SourceLocation(path, 1),
                            "no such scenario file or folder",
                            "a .yaml file or a folder of them")));
            }
        }

        var loaded = new List<LoadedScenario>();
        foreach (var (relative, file) in files)
        {
            try
            {
                loaded.Add(new LoadedScenario(relative, Load(file, relative)));
            }
            catch (HarnessInputException ex)
            {
                errors.Add(new ScenarioLoadError(relative, ex));
            }
        }

        // Names key reports and merged shards: two files with one name would overwrite each other's results.
        foreach (var group in loaded.GroupBy(s => s.Definition.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                errors.Add(new ScenarioLoadError(duplicate.RelativePath, new HarnessInputException(
                    new SourceLocation(duplicate.RelativePath, 1),
                    $"scenario name '{group.Key}' is already used by {first.RelativePath}",
                    "a unique 'name' per scenario")));
            }
        }

        var duplicates = errors.Select(e => e.RelativePath).ToHashSet(StringComparer.Ordinal);
        return new ScenarioBatch(
            loaded.Where(s => !duplicates.Contains(s.RelativePath)).ToArray(),
            errors.OrderBy(e => e.RelativePath, StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// Folders below a searched folder that a run picks up only when named itself (or a file in it):
    /// the soak tier runs for hours, so <c>run scenarios</c> leaves it out and <c>run scenarios/soak</c> runs it.
    /// </summary>
    public static IReadOnlyList<string> OptInFolders { get; } = ["soak"];

    private static bool InOptInFolder(string searched, string file)
    {
        var folder = Path.GetDirectoryName(file) ?? searched;
        var folders = Path.GetRelativePath(searched, folder).Split(Path.DirectorySeparatorChar);
        return folders.Any(f => OptInFolders.Contains(f, StringComparer.OrdinalIgnoreCase));
    }

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');
}

/// <summary>A loaded scenario and its path relative to the batch's base directory ('/' separators).</summary>
public sealed record LoadedScenario(string RelativePath, ScenarioDefinition Definition);

/// <summary>A file that did not load, with the error to print.</summary>
public sealed record ScenarioLoadError(string RelativePath, HarnessInputException Error);

/// <summary>
/// The outcome of <see cref="ScenarioLoader.LoadAll"/>: scenarios sorted by relative path, and errors apart.
/// </summary>
public sealed record ScenarioBatch(IReadOnlyList<LoadedScenario> Scenarios, IReadOnlyList<ScenarioLoadError> Errors)
{
    public bool HasErrors => Errors.Count > 0;
}
