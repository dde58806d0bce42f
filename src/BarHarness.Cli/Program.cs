using System.CommandLine;
using BarHarness.Cli.Commands;
using BarHarness.Core.Diagnostics;

namespace BarHarness.Cli;

/// <summary>
/// barharness: run BAR widgets against a synthetic Recoil engine and a fault-injecting network.
/// Exit codes: 0 every expectation held; 1 an expectation failed; 2 bad input (file:line:col printed).
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
            ApiCoverageCommand.Create(),
            ShrinkCommand.Create(),
            ReplayCommand.Create(),

        };
        var vm = new Option<string?>("--vm")
        {
            Description = "Lua VM: lua51 (a native Lua 5.1 library, BAR's language; needs the library) "
                + "or lua54 (Lua 5.4 with a 5.1 profile, the default, runs anywhere). Windows: set "
                + "BARHARNESS_LUA51_LIBRARY to a lua5.1.dll",
            Recursive = true,
        };
        root.Options.Add(vm);
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
    }
}
