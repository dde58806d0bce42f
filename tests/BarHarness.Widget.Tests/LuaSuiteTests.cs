using System.Text.RegularExpressions;

namespace BarHarness.Widget.Tests;

/// <summary>The widget's own Lua 5.1 suite (tests/lua) and syntax checks, run from dotnet test.</summary>
public sealed partial class LuaSuiteTests
{
    [Fact]
    public void Lua_suite_passes_under_lua5_1()
    {
        var result = LuaToolchain.Run("lua5.1", RepositoryLayout.Root, RepositoryLayout.LuaTestRunner);

        var summary = SummaryLine().Match(result.StandardOutput);
        Assert.True(summary.Success, "the runner printed no 'N passed, N failed' line\n" + result.Describe());
        Assert.True(result.ExitCode == 0, "Lua suite failed\n" + result.Describe());
        Assert.Equal("0", summary.Groups["failed"].Value);
        Assert.True(int.Parse(summary.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0,
            "the suite ran no tests\n" + result.Describe());
    }

    [Fact]
    public void Lua_suite_also_passes_under_lua5_4_like_the_harness_host()
    {
        // The harness runs the widget on NLua's Lua 5.4; the specs' loader uses load-with-env there.
        var lua54 = LuaToolchain.Find("lua5.4");
        Assert.True(
            lua54 is not null,
            "'lua5.4' is not installed; install with: apt-get install -y lua5.4 lua-dkjson lua-cjson");

        var result = LuaToolchain.Run("lua5.4", RepositoryLayout.Root, RepositoryLayout.LuaTestRunner);

        Assert.True(result.ExitCode == 0, "Lua suite failed under lua5.4\n" + result.Describe());
        Assert.Matches(SummaryLine(), result.StandardOutput);
    }

    [Fact]
    public void Every_widget_file_compiles_under_luac5_1()
    {
        var files = RepositoryLayout.WidgetLuaFiles();
        Assert.Contains(files, f => f.EndsWith("export_livedata.lua", StringComparison.Ordinal));

        var failures = files
            .Select(file => (file, result: LuaToolchain.Run("luac5.1", RepositoryLayout.Root, "-p", file)))
            .Where(x => x.result.ExitCode != 0)
            .Select(x => $"{x.file}: {x.result.StandardError.Trim()}")
            .ToList();

        Assert.True(failures.Count == 0, "luac5.1 -p rejected:\n" + string.Join('\n', failures));
    }

    [Fact]
    public void Lua_runner_reports_failures_with_a_non_zero_exit()
    {
        // Guards the guard: a runner that always exits 0 would make the suite test meaningless.
        var failingSpecDir = Directory.CreateTempSubdirectory("livedata-runner-");
        try
        {
            var runner = Path.Combine(failingSpecDir.FullName, "run.lua");
            File.Copy(RepositoryLayout.LuaTestRunner, runner);
            File.Copy(
                Path.Combine(RepositoryLayout.Root, "tests", "lua", "testlib.lua"),
                Path.Combine(failingSpecDir.FullName, "testlib.lua"));
            File.WriteAllText(Path.Combine(failingSpecDir.FullName, "spec_failing.lua"),
                "local T = require('testlib')\nT.test('fails', function() T.eq(1, 2) end)\nT.test('passes', "
                    + "function() end)\n");

            var result = LuaToolchain.Run("lua5.1", failingSpecDir.FullName, runner);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("1 passed, 1 failed", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("spec_failing.lua:2", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            failingSpecDir.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"^(?<passed>\d+) passed, (?<failed>\d+) failed\s*$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
