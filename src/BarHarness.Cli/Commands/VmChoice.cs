namespace BarHarness.Cli.Commands;

/// <summary>The <c>--vm</c> option: chooses the process's Lua VM before any command creates one.</summary>
internal static class VmChoice
{
    /// <summary>
    /// Applies <c>--vm</c> when given, and otherwise settles BARHARNESS_VM or the default now, as bad input if it
    /// cannot be had.
    /// </summary>
    public static void Apply(string? name)
    {
        try
        {
            if (name is null)
            {
                _ = LuaVm.Active;
                return;
            }

            var kind = LuaVm.Parse(name)
                ?? throw new HarnessInputException(null, $"--vm {name} is not a Lua VM", "lua51 or lua54");
            LuaVm.Select(kind);
        }
        catch (InvalidOperationException e)
        {
            throw new HarnessInputException(null, e.Message, "--vm lua54, or a Lua 5.1 library");
        }
    }
}
