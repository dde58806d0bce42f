namespace BarHarness.LuaHost.Tests;

public sealed class Lua51ProfileTests
{
    private static object? Eval(string expression)
    {
        using var runtime = new LuaRuntime();
        return runtime.DoString("local System = ...; return " + expression, "=test")[0];
    }

    [Theory]
    [InlineData("tostring(3.0)", "3")]
    [InlineData("tostring(6/2)", "3")]
    [InlineData("tostring(2^53)", "9.007199254741e+15")]
    [InlineData("tostring(0.1)", "0.1")]
    [InlineData("string.format('%d', 3.5)", "3")]
    [InlineData("string.format('%d', -3.5)", "-3")]
    [InlineData("string.format('%5.1f|%d|%s', 2.25, 7, 'x')", "  2.2|7|x")]
    [InlineData("_VERSION", "Lua 5.1")]
    [InlineData("type(unpack)", "function")]
    [InlineData("type(loadstring)", "function")]
    [InlineData("type(table.getn)", "function")]
    [InlineData("type(table.unpack)", "nil")]
    [InlineData("type(table.move)", "nil")]
    [InlineData("type(utf8)", "nil")]
    [InlineData("type(math.type)", "nil")]
    [InlineData("type(math.tointeger)", "nil")]
    [InlineData("type(warn)", "nil")]
    [InlineData("type(coroutine.close)", "nil")]
    [InlineData("type(io.popen)", "nil")]
    [InlineData("type(os.exit)", "nil")]
    [InlineData("type(os.execute)", "nil")]
    [InlineData("type(os.getenv)", "nil")]
    [InlineData("type(os.tmpname)", "nil")]
    [InlineData("tostring(coroutine.running())", "nil")]
    [InlineData("tostring(math.pow(2, 10))", "1024")]
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
