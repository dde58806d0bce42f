namespace BarHarness.Engine.SpringApi;

/// <summary>
/// The partial BAR game tree (a folder laid out like BAR's repository: luaui/, gamedata/, common/...)
/// that the CLI's <c>--game</c> option mounts at the VFS root for every widget VM of this process.
/// The scenario runner builds its engine options itself, so the CLI hands the folder over here.
/// </summary>
public static class GameTreeMount
{
    /// <summary>The mounted game folder, or null when none is mounted.</summary>
    public static string? Folder { get; set; }

    /// <summary>Mounts <paramref name="folder"/> after checking it exists; null unmounts.</summary>
    public static void Set(string? folder)
    {
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"--game folder not found: {folder}");
        }

        Folder = folder is null ? null : Path.GetFullPath(folder);
    }
}
