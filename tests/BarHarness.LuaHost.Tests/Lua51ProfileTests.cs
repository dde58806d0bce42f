namespace BarHarness.LuaHost.Tests;

public sealed class Lua51ProfileTests
{
    private static object? Eval(string expression)
    {
        using var runtime = new LuaRuntime();
        return runtime.DoString("local System = ...; return " + expression, "=test")[0];
    }

    [Theory]
    [CaseTable("Lua51ProfileTests.Profile_matches_Lua_5_1.tsv")]
    public void Profile_matches_Lua_5_1(string expression, string expected)
    {
        Assert.Equal(expected, Eval(expression));
    }

    [Fact]
    public void Setfenv_gives_a_function_its_own_globals_without_touching_siblings()
    {
        using var runtime = new LuaRuntime();
        var result = runtime.DoString(
            """
            local function f() return x end
            local function g() return x end
            setfenv(f, { x = 42 })
            return f(), tostring(g()), getfenv(f).x
            """,
            "=test");
        Assert.Equal(new object?[] { 42L, "nil", 42L }, result);
    }

    [Fact]
    public void Format_errors_still_raise_with_lua_message()
    {
        using var runtime = new LuaRuntime();
        var result = runtime.DoString("local ok, e = pcall(function() local s = string.format('%d', 'x') return s "
            + "end) return ok, e", "=t");
        Assert.Equal(false, result[0]);
        Assert.Contains("bad argument #2 to 'format'", (string?)result[1]);
    }

    [Lua54OnlyFact]
    public void Without_the_profile_the_vm_is_plain_5_4()
    {
        using var runtime = new LuaRuntime(new LuaRuntimeOptions { Lua51Profile = false });
        Assert.Equal("3.0", runtime.DoString("return tostring(3.0)", "=t")[0]);
        Assert.Equal("function", runtime.DoString("return type(table.unpack)", "=t")[0]);
    }

    [Fact]
    public void Print_goes_to_the_console_with_5_1_number_format()
    {
        using var runtime = new LuaRuntime();
        runtime.DoString("print('a', 3.0, nil)", "=t");
        Assert.Equal("a\t3\tnil", Assert.Single(runtime.Console.Lines).Text);
    }
}
