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
            ConformCommand.Create(),

        };
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (HarnessInputException e)
        {
            System.Console.Error.WriteLine("error: " + e.Describe());
            return ExitCodes.BadInput;
        }
    }
}
