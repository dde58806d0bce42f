namespace BarHarness.Engine.SpringApi;

/// <summary>
/// The slice of Recoil's VFS a widget reads: VFS paths ("LuaUI/Widgets/foo.lua", matched without
/// regard to case and with either slash, as archive paths are) mapped onto local folders. Paths that
/// climb out of a mount ("..") are refused.
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
    }

    public void Mount(string vfsPrefix, string folder)
    {
        var prefix = Normalize(vfsPrefix);
        if (!prefix.EndsWith('/'))
        {
            prefix += "/";
        }

        _mounts.Add((prefix, Path.GetFullPath(folder)));
        _mounts.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));
    }

    /// <summary>The local file behind a VFS path, or null.</summary>
    public string? ResolveFile(string vfsPath)
    {
        var local = ResolveLocal(vfsPath);
        return local is not null && File.Exists(local) ? local : null;
    }

    public bool FileExists(string vfsPath) => ResolveFile(vfsPath) is not null;

    public string? ReadText(string vfsPath) => ResolveFile(vfsPath) is { } file ? File.ReadAllText(file) : null;

    /// <summary>VFS paths of the files in a VFS folder matching a simple "*" / "*.lua" pattern.</summary>
    public IReadOnlyList<string> DirList(string vfsDir, string pattern = "*")
    {
        var local = ResolveLocal(vfsDir.TrimEnd('/', '\\') + "/");
        if (local is null || !Directory.Exists(local))
        {
            return [];
        }

        var prefix = vfsDir.Replace('\\', '/').TrimEnd('/') + "/";
        return Directory.GetFiles(local, string.IsNullOrEmpty(pattern) ? "*" : pattern)
            .Select(f => prefix + Path.GetFileName(f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private string? ResolveLocal(string vfsPath)
    {
        var path = Normalize(vfsPath);
        foreach (var (prefix, folder) in _mounts)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = vfsPath.Replace('\\', '/').TrimStart('/')[prefix.Length..];
            if (rest.Split('/').Any(part => part == ".."))
            {
                return null;
            }

            return FindIgnoringCase(folder, rest);
        }

        return null;
    }

    private static string? FindIgnoringCase(string folder, string relative)
    {
        var current = folder;
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var exact = Path.Combine(current, part);
            if (File.Exists(exact) || Directory.Exists(exact))
            {
                current = exact;
                continue;
            }

            if (!Directory.Exists(current))
            {
                return null;
            }

            var match = Directory.EnumerateFileSystemEntries(current)
                .FirstOrDefault(e => string.Equals(Path.GetFileName(e), part, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return exact;
            }

            current = match;
        }

        return current;
    }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/').ToLowerInvariant();
}
