namespace BarHarness.Network.Tests.Probes;

/// <summary>Where the Lua socket probes live (tests/probes/socket), found from the test's output folder.</summary>
public static class ProbeFiles
{
    public static readonly TheoryData<string> All = new()
    {
        "connect.lua", "partial_send.lua", "peer_close.lua", "peer_reset.lua", "select.lua", "stats_blocking.lua",
            "errors.lua", "server.lua",
    };

    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null
                && !System.IO.Directory.Exists(Path.Combine(dir.FullName, "tests", "probes", "socket")))
            {
                dir = dir.Parent;
            }

            return dir is null
                ? throw new DirectoryNotFoundException("tests/probes/socket not found above "
                    + AppContext.BaseDirectory)
                : Path.Combine(dir.FullName, "tests", "probes", "socket");
        }
    }

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));
}
