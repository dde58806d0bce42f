namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Spring.GetTimer hands out a lightuserdata holding a timestamp (nanoseconds on the virtual or real
/// timer clock, see <see cref="TimerMode"/>); DiffTimers accepts nothing else.
/// </summary>
internal static unsafe class TimerFunctions
{
    public static int GetTimer(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        LuaApi.lua_pushlightuserdata(l, (IntPtr)ctx.TimerNanos());
        return 1;
    }

    /// <summary>DiffTimers(end, start, [inMilliseconds]) → seconds (or ms) from start to end.</summary>
    public static int DiffTimers(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (LuaApi.lua_type(l, 1) != LuaApi.LUA_TLIGHTUSERDATA || LuaApi.lua_type(l, 2) != LuaApi.LUA_TLIGHTUSERDATA)
        {
            return LuaRuntime.RaiseError(l, "Incorrect arguments to DiffTimers()", "DiffTimers");
        }

        var end = (long)LuaApi.lua_touserdata(l, 1);
        var start = (long)LuaApi.lua_touserdata(l, 2);
        var nanos = (double)(end - start);
        var inMs = NativeArgs.OptBool(l, 3, false);
        return NativeArgs.Answer(l, inMs ? nanos / 1e6 : nanos / 1e9, ctx.Float32);
    }
}
