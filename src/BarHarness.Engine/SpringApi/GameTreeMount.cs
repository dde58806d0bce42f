namespace BarHarness.Engine.SpringApi;

/// <summary>
/// The partial BAR game tree (a folder laid out like BAR's repository: luaui/, gamedata/, common/...)
/// that the CLI's <c>--game</c> option mounts at the VFS root for every widget VM of this process.
/// The scenario runner builds its engine options itself, so the CLI hands the folder over here. The value
/// flows with the execution context (threads and tasks started after it is set see it), so two commands
/// run side by side in one process (the CLI tests) do not see each other's tree.
/// </summary>
public static class GameTreeMount
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The mounted game folder, or null when none is mounted.</summary>
    public static string? Folder => Current.Value;

    /// <summary>Mounts <paramref name="folder"/> after checking it exists; null unmounts.</summary>
    public static void Set(string? folder)
    {
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"--game folder not found: {folder}");
        }

        Current.Value = folder is null ? null : Path.GetFullPath(folder);
    }
}
