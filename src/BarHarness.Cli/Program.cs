using BarHarness.Cli.Commands;

namespace BarHarness.Cli;

/// <summary>
/// barharness: run BAR widgets against a synthetic Recoil engine and a fault-injecting network.
/// Exit codes: 0 every expectation held; 1 an expectation failed; 2 bad input (file:line:col printed);
/// 3 the harness itself failed (a bug).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("BarHarness: stress and fault-test Beyond All Reason widgets with numbers")
        {
            RunCommand.Create(),
            ValidateCommand.Create(),
            ListCommand.Create(),
            ExecCommand.Create(),
            LoadCommand.Create(),
            MergeReportsCommand.Create(),
            ServeCommand.Create(),
            ProxyCommand.Create(),
            ApiCoverageCommand.Create(),
            ShrinkCommand.Create(),
            ReplayCommand.Create(),
            ConformCommand.Create(),
        };
        var vm = new Option<string?>("--vm")
        {
            Description = "Lua VM: lua51 (a native Lua 5.1 library, BAR's language; the default where the "
                + "library loads) or lua54 (Lua 5.4 with a 5.1 profile; runs anywhere, the default elsewhere). "
                + "BARHARNESS_VM sets it too. Windows: set BARHARNESS_LUA51_LIBRARY to a lua5.1.dll",
            Recursive = true,
        };
        root.Options.Add(vm);
        Terminal.Configure(System.Console.Out, Terminal.StdoutIsTerminal);
        try
        {
            var parsed = root.Parse(args);
            VmChoice.Apply(parsed.GetValue(vm));

            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (HarnessInputException e)
        {
            System.Console.Error.WriteLine("error: " + e.Describe());
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A harness bug: one line that says so, never a raw stack trace, and an exit code no verdict uses.
            System.Console.Error.WriteLine(
                $"internal error (a BarHarness bug, please report it): {e.GetType().Name}: {e.Message}");
            return ExitCodes.InternalError;
        }
    }
}
