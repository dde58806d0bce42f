namespace BarHarness.Engine.SpringApi;

/// <summary>
/// The slice of Recoil's VFS a widget reads: VFS paths ("LuaUI/Widgets/foo.lua", matched without
/// regard to case and with either slash, as archive paths are) mapped onto local folders. Paths that
/// climb out of a mount ("..") are refused. Mounts are searched longest prefix first, so the widget's
/// folder wins over a game tree mounted at the root (<see cref="EngineApiOptions.GameFolder"/>); a path
/// a mount lacks falls through to the next. Files are only ever read.
/// </summary>
public sealed class VirtualFileSystem
{
    private readonly List<(string Prefix, string Folder)> _mounts = new();

    public VirtualFileSystem(EngineApiOptions options)
    {
        if (options.WidgetFolder is { } folder)
        {
            Mount("LuaUI/Widgets/", folder);
        }

        foreach (var (prefix, dir) in options.ExtraMounts)
        {
            Mount(prefix, dir);
        }

        if (options.GameFolder is { } game)
        {
            Mount(string.Empty, game);
        }
    }

    public void Mount(string vfsPrefix, string folder)
    {
        var prefix = Normalize(vfsPrefix);
        if (prefix.Length > 0 && !prefix.EndsWith('/'))
        {
            prefix += "/";
        }

        _mounts.Add((prefix, Path.GetFullPath(folder)));
        var ordered = _mounts.OrderByDescending(m => m.Prefix.Length).ToList(); // stable: first mount wins a tie
        _mounts.Clear();
        _mounts.AddRange(ordered);
    }

    /// <summary>The local file behind a VFS path, or null.</summary>
    public string? ResolveFile(string vfsPath) => ResolveLocal(vfsPath).FirstOrDefault(File.Exists);

    public bool FileExists(string vfsPath) => ResolveFile(vfsPath) is not null;

    public string? ReadText(string vfsPath) => ResolveFile(vfsPath) is { } file ? File.ReadAllText(file) : null;

    /// <summary>VFS paths of the files in a VFS folder matching a simple "*" / "*.lua" pattern.</summary>
    public IReadOnlyList<string> DirList(string vfsDir, string pattern = "*")
    {
        var prefix = vfsDir.Replace('\\', '/').TrimEnd('/') + "/";
        var filter = string.IsNullOrEmpty(pattern) ? "*" : pattern;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<string>();
        foreach (var local in ResolveLocal(vfsDir.TrimEnd('/', '\\') + "/").Where(Directory.Exists))
        {
            foreach (var file in Directory.GetFiles(local, filter))
            {
                if (names.Add(Path.GetFileName(file)))
                {
                    files.Add(prefix + Path.GetFileName(file));
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>The local candidates for a VFS path, one per mount whose prefix matches, in search order.</summary>
    private IEnumerable<string> ResolveLocal(string vfsPath)
    {
        var path = Normalize(vfsPath);
        var relative = vfsPath.Replace('\\', '/').TrimStart('/');
        if (relative.Split('/').Any(part => part == ".."))
        {
            yield break;
        }

        foreach (var (prefix, folder) in _mounts)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal)
                && FindIgnoringCase(folder, relative[prefix.Length..]) is { } local)
            {
                yield return local;
            }
        }
    }

    /// <summary>
    /// The local path for a relative VFS path, each part matched without regard to case. When folders differ
    /// only in case ("LuaUI" and "luaui" side by side), every one is tried; the first that holds the rest wins.
    /// Null when no part matches.
    /// </summary>
    private static string? FindIgnoringCase(string folder, string relative)
    {
        var parts = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return FindFrom(folder, parts, 0);
    }

    private static string? FindFrom(string current, string[] parts, int index)
    {
        if (index == parts.Length)
        {
            return current;
        }

        if (!Directory.Exists(current))
        {
            return null;
        }

        var part = parts[index];
        if (part == ".")
        {
            return FindFrom(current, parts, index + 1);
        }

        var exact = Path.Combine(current, part);
        var candidates = Directory.EnumerateFileSystemEntries(current)
            .Where(e => string.Equals(Path.GetFileName(e), part, StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e == exact ? 0 : 1)
            .ThenBy(e => e, StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (FindFrom(candidate, parts, index + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/').ToLowerInvariant();
}
