using BarHarness.LuaHost.Interop;

namespace BarHarness.Cli.Tests;

public sealed class VmOptionTests
{
    [Fact]
    public void An_unknown_vm_is_bad_input()
    {
        Assert.Equal(2, CliRunner.Run("validate", "scenarios", "--vm", "luajit"));
    }

    [Fact]
    public void The_vm_in_use_is_accepted_and_the_other_one_refused_once_a_vm_runs()
    {
        // One VM per process: this test process already runs one (BARHARNESS_VM or the default).
        using (new LuaHost.Runtime.LuaRuntime())
        {
        }

        var other = LuaVm.Active == LuaVmKind.Lua51 ? "lua54" : "lua51";
        Assert.Equal(0, CliRunner.Run("validate", RepoScenario(), "--vm", LuaVm.ActiveName));
        Assert.Equal(2, CliRunner.Run("validate", RepoScenario(), "--vm", other));
    }

    private static string RepoScenario()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "scenarios", "load");
            if (Directory.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("scenarios/load not found above " + AppContext.BaseDirectory);
    }
}
