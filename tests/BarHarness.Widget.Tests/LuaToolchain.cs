using System.Diagnostics;
using BarHarness.Core.Tools;

namespace BarHarness.Widget.Tests;

/// <summary>Runs the Debian Lua 5.1 tools the widget suite needs, failing loudly when they are missing.</summary>
internal static class LuaToolchain
{
    public const string InstallHint = "apt-get install -y lua5.1 lua-socket lua-dkjson lua-cjson";

    // Generous: the suite runs in seconds, but the machine is shared with parallel builds.
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string Describe() =>
            $"exit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
    }

    /// <summary>Full path of an executable on PATH, or null.</summary>
    public static string? Find(string executable) => InstalledTool.Find(executable);

    /// <summary>Fails the test (never skips) when the tool is absent, naming the packages to install.</summary>
    public static string Require(string executable)
    {
        var found = Find(executable);
        Assert.True(
            found is not null,
            $"'{executable}' is not installed; the widget's Lua suite needs it. Install with: {InstallHint}");
        return found!;
    }

    public static Result Run(string executable, string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(Require(executable))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {executable}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{executable} {string.Join(' ', arguments)} did not finish within {s_timeout}");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
