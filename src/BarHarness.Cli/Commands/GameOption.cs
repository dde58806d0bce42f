using BarHarness.Engine.SpringApi;

namespace BarHarness.Cli.Commands;

/// <summary>
/// The <c>--game &lt;path&gt;</c> option of the commands that run widgets: mounts a partial BAR tree.
/// </summary>
internal static class GameOption
{
    public static Option<string?> Create() => new("--game")
    {
        Description = "A folder laid out like BAR's repository (luaui/, gamedata/, common/...) that the widget's "
            + "VFS.Include, VFS.LoadFile, VFS.FileExists, VFS.DirList and include read from, after its own folder",
    };

    /// <summary>Mounts the folder given to <paramref name="option"/> (or none) for this run's widget VMs.</summary>
    public static void Apply(ParseResult parse, Option<string?> option)
    {
        var folder = parse.GetValue(option);
        if (folder is not null && !Directory.Exists(folder))
        {
            const string Expected = "an existing folder laid out like BAR's repository";
            throw new HarnessInputException(null, $"--game {folder}", Expected);
        }

        GameTreeMount.Set(folder);
    }
}
