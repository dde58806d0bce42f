namespace BarHarness.LuaHost.Profile;

/// <summary>
/// string.format as Lua 5.1 behaves: the argument of %d %i %c %o %u %x %X is truncated toward zero
/// (5.4 raises "number has no integer representation" for 3.5). A raw C function, so the harness adds
/// no Lua instructions to the widget's count; the real formatting is Lua's own, called protected.
/// </summary>
internal static unsafe class Lua51Format
{
    public const string OriginalKey = "barharness.format";

    public static void Install(LuaRuntime runtime)
    {
        runtime.RunGlue("local H = ...; debug.getregistry()['" + OriginalKey + "'] = string.format",
            "=(barharness format)");
        runtime.RegisterInternal("format", &Format, runtime);
    }

    private static int Format(IntPtr l)
    {
        if (LuaApi.lua_type(l, 1) == LuaApi.LUA_TSTRING)
        {
            TruncateIntegerArguments(l);
        }

        var n = LuaApi.lua_gettop(l);
        LuaApi.GetField(l, LuaApi.LUA_REGISTRYINDEX, OriginalKey);
        LuaApi.lua_rotate(l, 1, 1);
        if (LuaApi.lua_pcallk(l, n, 1, 0, IntPtr.Zero, IntPtr.Zero) != LuaApi.LUA_OK)
        {
            var message = (LuaApi.ToStringValue(l, -1) ?? "error").Replace("to '?'", "to 'format'",
                StringComparison.Ordinal);
            LuaApi.Pop(l, 1);
            return LuaRuntime.RaiseError(l, message, "format");
        }

        return 1;
    }

    private static void TruncateIntegerArguments(IntPtr l)
    {
        var p = (byte*)LuaApi.lua_tolstring(l, 1, out var len);
        var arg = 1;
        var top = LuaApi.lua_gettop(l);
        for (nuint i = 0; i < len; i++)
        {
            if (p[i] != (byte)'%')
            {
                continue;
            }

            i++;
            if (i < len && p[i] == (byte)'%')
            {
                continue;
            }

            while (i < len && (p[i] is (byte)'-' or (byte)'+' or (byte)' ' or (byte)'#' or (byte)'0' or (byte)'.'
                || (p[i] >= (byte)'0' && p[i] <= (byte)'9')))
            {
                i++;
            }

            if (i >= len)
            {
                return;
            }

            arg++;
            if (arg > top)
            {
                return;
            }

            if (p[i] is (byte)'d' or (byte)'i' or (byte)'c' or (byte)'o' or (byte)'u' or (byte)'x' or (byte)'X'
                && LuaApi.lua_type(l, arg) == LuaApi.LUA_TNUMBER && LuaApi.lua_isinteger(l, arg) == 0)
            {
                var d = LuaApi.ToNumber(l, arg, out _);
                if (double.IsFinite(d) && Math.Abs(d) < 9.2e18)
                {
                    LuaApi.lua_pushinteger(l, (long)Math.Truncate(d));
                    LuaApi.lua_copy(l, -1, arg);
                    LuaApi.Pop(l, 1);
                }
            }
        }
    }
}
