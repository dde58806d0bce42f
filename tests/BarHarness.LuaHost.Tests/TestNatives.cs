namespace BarHarness.LuaHost.Tests;

/// <summary>Natives used by the tests: one that raises through the armed-error path, one that counts, one that
/// throws.</summary>
internal static unsafe class TestNatives
{
    public static void Install(LuaRuntime runtime)
    {
        runtime.RegisterFunction("Test.NeedsNumber", &NeedsNumber, runtime);
        runtime.RegisterFunction("Test.Three", &Three, runtime);
        runtime.RegisterFunction("Test.Throws", &Throws, runtime);
    }

    // A harness bug: a .NET exception inside a native.
    private static int Throws(IntPtr l) => throw new InvalidOperationException("boom");

    private static int NeedsNumber(IntPtr l)
    {
        var runtime = LuaRuntime.ContextOf<LuaRuntime>(l);
        runtime.EngineCalls++;
        if (LuaApi.lua_type(l, 1) != LuaApi.LUA_TNUMBER)
        {
            return LuaRuntime.RaiseError(l, "bad argument #1 to 'NeedsNumber' (number expected, got "
                + LuaApi.TypeName(LuaApi.lua_type(l, 1)) + ")", "NeedsNumber");
        }

        LuaApi.lua_pushboolean(l, 1);
        return 1;
    }

    private static int Three(IntPtr l)
    {
        var runtime = LuaRuntime.ContextOf<LuaRuntime>(l);
        runtime.EngineCalls++;
        LuaApi.lua_pushnumber(l, 1.5);
        LuaApi.lua_pushinteger(l, 2);
        LuaApi.lua_pushboolean(l, 0);
        return 3;
    }
}
