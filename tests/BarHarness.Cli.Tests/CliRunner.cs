using System.Diagnostics;

namespace BarHarness.Cli.Tests;

/// <summary>Runs the real <c>barharness</c> entry point in-process, and external tools the tests need.</summary>
internal static class CliRunner
{
    private static readonly object ConsoleGate = new();

    public static int Run(params string[] args)
    {
        lock (ConsoleGate)
        {
            return Program.Main(args);
        }
    }

    /// <summary>
    /// Starts <paramref name="peer"/> (a client of the command, on a thread of its own) once this command's
    /// turn at the console has come, then runs the command: a peer with a deadline does not spend it waiting
    /// behind other tests' commands, nor for a pool thread while the other tests' threads wait for the
    /// console (a pool work item waited out serve's 5 s in a loaded CI run).
    /// </summary>
    public static (int Exit, Task<T> Peer) RunWithPeer<T>(Func<T> peer, params string[] args)
    {
        lock (ConsoleGate)
        {
            var started = Task.Factory.StartNew(
                peer, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            return (Program.Main(args), started);
        }
    }

    /// <summary>Runs the entry point with stdout captured (as a pipe would: plain text, no terminal).</summary>
    public static (int Exit, string Output) RunCapturing(params string[] args)
    {
        lock (ConsoleGate)
        {
            var previous = System.Console.Out;
            var output = new StringWriter();
            System.Console.SetOut(output);
            try
            {
                return (Program.Main(args), output.ToString());
            }
            finally
            {
                System.Console.SetOut(previous);
                Spectre.Console.AnsiConsole.Console =
                    Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings());
            }
        }
    }

    /// <summary>lua5.1 with Debian's LuaSocket, or a failure that says how to install them (never a skip).</summary>
    public static void RequireLuaSocket()
    {
        var (code, output) = Exec("lua5.1", "-e", "require('socket')");
        Assert.True(code == 0, $"lua5.1 with LuaSocket is required: apt-get install -y lua5.1 lua-socket ({output})");
    }

    public static (int Code, string Output) Exec(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            using var p = Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(60_000))
            {
                p.Kill();
                return (-1, "timed out");
            }

            return (p.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }

    /// <summary>The repository this test assembly was built from (the folder holding BarHarness.sln).</summary>
    public static string RepoRoot { get; } = TestEnvironment.RepositoryRoot();

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "barharness-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
