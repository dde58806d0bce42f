namespace BarHarness.LuaHost.Interop;

/// <summary>The C API seam (see LuaApi.cs): calls, closures, userdata, metatables, tracebacks, type names.</summary>
public static unsafe partial class LuaApi
{
    /// <summary>lua_pcall (the continuation arguments are ignored on 5.1, which has none).</summary>
    public static int lua_pcallk(IntPtr l, int nargs, int nresults, int msgh, IntPtr ctx, IntPtr k) =>
        IsLua51
            ? Lua51Native.lua_pcall(l, nargs, nresults, msgh)
            : Lua54Native.lua_pcallk(l, nargs, nresults, msgh, ctx, k);

    /// <summary>
    /// Pushes a traceback of <paramref name="l1"/> from <paramref name="level"/> (0 = the running
    /// function). On 5.1, which has no luaL_traceback, the debug library's traceback (saved in the
    /// registry when the VM starts) is called protected, one level deeper since it counts itself.
    /// </summary>
    public static void luaL_traceback(IntPtr l, IntPtr l1, byte* msg, int level)
    {
        if (!IsLua51)
        {
            Lua54Native.luaL_traceback(l, l1, msg, level);
            return;
        }

        var top = lua_gettop(l);
        GetField(l, LUA_REGISTRYINDEX, TracebackKey);
        var msgLength = msg == null ? 0 : (nuint)new ReadOnlySpan<byte>(msg, int.MaxValue).IndexOf((byte)0);
        Lua51Native.lua_pushlstring(l, msg == null ? (byte*)0 : msg, msgLength);
        lua_pushnumber(l, level + 1);
        if (Lua51Native.lua_pcall(l, 2, 1, 0) != LUA_OK || lua_type(l, -1) != LUA_TSTRING)
        {
            lua_settop(l, top);
            PushString(l, "stack traceback:\n\t(unavailable)");
            return;
        }

        if (msg == null)
        {
            // debug.traceback("") starts with the newline that follows the (empty) message
            var text = ToStringValue(l, -1) ?? string.Empty;
            lua_settop(l, top);
            PushString(l, text.TrimStart('\n'));
        }
    }

    /// <summary>
    /// Saves the debug library's traceback for <see cref="luaL_traceback"/> on 5.1 (the VM calls this once at start).
    /// </summary>
    internal static void SaveDebugTraceback(IntPtr l)
    {
        GetField(l, Lua51Native.GlobalsIndex, "debug");
        GetField(l, -1, "traceback");
        SetField(l, LUA_REGISTRYINDEX, TracebackKey);
        Pop(l, 1);
    }

    /// <summary>
    /// Loads a chunk. Mode "t" refuses precompiled chunks on both VMs (5.1's luaL_loadbuffer has no
    /// mode: the refusal is done here, with 5.4's message).
    /// </summary>
    public static int luaL_loadbufferx(IntPtr l, byte* buff, nuint sz, byte* name, byte* mode)
    {
        if (!IsLua51)
        {
            return Lua54Native.luaL_loadbufferx(l, buff, sz, name, mode);
        }

        var binaryAllowed = mode == null || new ReadOnlySpan<byte>(mode, int.MaxValue).IndexOf((byte)0) is var n
            && new ReadOnlySpan<byte>(mode, n).IndexOf((byte)'b') >= 0;
        if (!binaryAllowed && sz > 0 && buff[0] == 0x1B)
        {
            PushString(l, "attempt to load a binary chunk (mode is 't')");
            return LUA_ERRSYNTAX;
        }

        return Lua51Native.luaL_loadbuffer(l, buff, sz, name);
    }

    /// <summary>
    /// A full userdata of <paramref name="size"/> bytes (5.1 has no user values: <paramref name="nuvalue"/> must be 0
    /// there).
    /// </summary>
    public static IntPtr lua_newuserdatauv(IntPtr l, nuint size, int nuvalue) =>
        IsLua51 ? Lua51Native.lua_newuserdata(l, size) : Lua54Native.lua_newuserdatauv(l, size, nuvalue);

    public static void Pop(IntPtr l, int n) => lua_settop(l, -n - 1);

    public static bool IsNumber(IntPtr l, int idx) => lua_type(l, idx) == LUA_TNUMBER;

    /// <summary>
    /// Reads a number argument; <paramref name="ok"/> is false for a non-number (strings are not coerced, as Recoil's
    /// luaL_checknumber would for numeric strings — see remarks in callers).
    /// </summary>
    public static double ToNumber(IntPtr l, int idx, out bool ok)
    {
        int isNum;
        var v = lua_tonumberx(l, idx, &isNum);
        ok = isNum != 0;
        return v;
    }

    public static string? ToStringValue(IntPtr l, int idx)
    {
        var t = lua_type(l, idx);
        if (t != LUA_TSTRING && t != LUA_TNUMBER)
        {
            return null;
        }

        var p = lua_tolstring(l, idx, out var len);
        return p == IntPtr.Zero ? null : Encoding.UTF8.GetString((byte*)p, checked((int)len));
    }

    public static ReadOnlySpan<byte> ToBytes(IntPtr l, int idx)
    {
        var p = lua_tolstring(l, idx, out var len);
        return p == IntPtr.Zero ? ReadOnlySpan<byte>.Empty : new ReadOnlySpan<byte>((void*)p, checked((int)len));
    }

    public static void PushString(IntPtr l, string s)
    {
        var max = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (max <= 512)
        {
            var buf = stackalloc byte[max];
            var n = Encoding.UTF8.GetBytes(s, new Span<byte>(buf, max));
            lua_pushlstring(l, buf, (nuint)n);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(s);
        PushBytes(l, bytes);
    }

    public static void PushBytes(IntPtr l, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* p = bytes)
        {
            lua_pushlstring(l, p, (nuint)bytes.Length);
        }
    }

    public static void SetField(IntPtr l, int idx, string key)
    {
        var k = Encoding.UTF8.GetBytes(key + "\0");
        fixed (byte* p = k)
        {
            lua_setfield(l, idx, p);
        }
    }

    public static int GetField(IntPtr l, int idx, string key)
    {
        var k = Encoding.UTF8.GetBytes(key + "\0");
        fixed (byte* p = k)
        {
            return lua_getfield(l, idx, p);
        }
    }

    /// <summary>Pushes a Lua traceback string of the running code (safe from natives: it never raises).</summary>
    public static string Traceback(IntPtr l, string? message, int level)
    {
        var m = message is null ? null : Encoding.UTF8.GetBytes(message + "\0");
        fixed (byte* p = m)
        {
            luaL_traceback(l, l, p, level);
        }

        var s = ToStringValue(l, -1) ?? string.Empty;
        Pop(l, 1);
        return s;
    }

    public static string TypeName(int luaType) => luaType switch
    {
        LUA_TNONE => "no value",
        LUA_TNIL => "nil",
        LUA_TBOOLEAN => "boolean",
        LUA_TLIGHTUSERDATA => "userdata",
        LUA_TNUMBER => "number",
        LUA_TSTRING => "string",
        LUA_TTABLE => "table",
        LUA_TFUNCTION => "function",
        LUA_TUSERDATA => "userdata",
        LUA_TTHREAD => "thread",
        _ => "?",
    };
}
