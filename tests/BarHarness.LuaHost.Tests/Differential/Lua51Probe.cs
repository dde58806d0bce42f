using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace BarHarness.LuaHost.Tests.Differential;

/// <summary>One pure-Lua probe script of tests/probes/lua51, run under real lua5.1 and under the harness's 5.1
/// profile.</summary>
internal static class Lua51Probe
{
    public const string InstallHint =
        "lua5.1 is required for the differential tests (they never skip): sudo apt-get install -y lua5.1";

    public static string Folder => Path.Combine(FindRoot(), "tests", "probes", "lua51");

    public static IEnumerable<string> Names =>
        Directory.GetFiles(Folder, "*.lua").Select(Path.GetFileNameWithoutExtension).Where(n =>
            !n!.StartsWith('_')).Order(StringComparer.Ordinal)!;

    /// <summary>The prelude (probe() and value rendering) followed by the probe itself, exactly as both sides run
    /// it.</summary>
    public static string Source(string name) =>
        File.ReadAllText(Path.Combine(Folder, "_prelude.lua")) + "\n"
            + File.ReadAllText(Path.Combine(Folder, name + ".lua"));

    /// <summary>The transcript printed by Debian's lua5.1, fed the script on stdin.</summary>
    public static IReadOnlyList<string> UnderRealLua51(string name)
    {
        var start = new ProcessStartInfo("lua5.1", "-")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(InstallHint);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(InstallHint + " (" + e.Message + ")", e);
        }

        using (process)
        {
            process.StandardInput.Write(Source(name));
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"lua5.1 failed on probe {name}: {error}");
            }

            return Lines(output);
        }
    }

    /// <summary>The transcript printed under the harness: a fresh runtime with the Lua 5.1 profile; print() lands in
    /// its console.</summary>
    public static IReadOnlyList<string> UnderHarness(string name)
    {
        using var runtime = new LuaRuntime();
        runtime.DoString(Source(name), "=stdin");
        return runtime.Console.Lines.SelectMany(l => Lines(l.Text)).ToList();
    }

    private static List<string> Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').ToList();

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null;
                dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "tests", "probes", "lua51")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("repository root (with tests/probes/lua51) not found");
    }
}
