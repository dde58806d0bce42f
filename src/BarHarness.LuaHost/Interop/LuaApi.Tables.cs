namespace BarHarness.LuaHost.Interop;

/// <summary>The C API seam (see LuaApi.cs): strings, tables and fields, which may allocate inside Lua.</summary>
public static unsafe partial class LuaApi
{
    // These may allocate inside Lua (and so may run the GC or, on allocation failure, raise):
    // only call them where an allocation failure cannot happen (the harness lifts the memory cap
    // for its own work) or from plain managed code, not from natives under a tight cap.
    public static IntPtr lua_tolstring(IntPtr l, int idx, out nuint len)
    {
        nuint n;
        var p = lua_tolstring_native(l, idx, &n);
        len = n;
        return p;
    }

    /// <summary>
    /// Pushes a copy of the bytes. Returns the internal copy on 5.4; IntPtr.Zero on 5.1 (whose lua_pushlstring returns
    /// nothing).
    /// </summary>
    public static IntPtr lua_pushlstring(IntPtr l, byte* s, nuint len)
    {
        if (IsLua51)
        {
            Lua51Native.lua_pushlstring(l, s, len);
            return IntPtr.Zero;
        }

        return Lua54Native.lua_pushlstring(l, s, len);
    }

    public static void lua_rawseti(IntPtr l, int idx, long n)
    {
        if (IsLua51)
        {
            Lua51Native.lua_rawseti(l, idx, checked((int)n));
        }
        else
        {
            Lua54Native.lua_rawseti(l, idx, n);
        }
    }

    /// <summary>Pushes t[n] (raw) and returns its type.</summary>
    public static int lua_rawgeti(IntPtr l, int idx, long n)
    {
        if (!IsLua51)
        {
            return Lua54Native.lua_rawgeti(l, idx, n);
        }

        Lua51Native.lua_rawgeti(l, idx, checked((int)n));
        return lua_type(l, -1);
    }

    /// <summary>Pushes t[k] (raw, k popped) and returns its type.</summary>
    public static int lua_rawget(IntPtr l, int idx)
    {
        if (!IsLua51)
        {
            return Lua54Native.lua_rawget(l, idx);
        }

        Lua51Native.lua_rawget(l, idx);
        return lua_type(l, -1);
    }

    /// <summary>Pushes t[k] (metamethods honoured) and returns its type.</summary>
    public static int lua_getfield(IntPtr l, int idx, byte* k)
    {
        if (!IsLua51)
        {
            return Lua54Native.lua_getfield(l, idx, k);
        }

        Lua51Native.lua_getfield(l, idx, k);
        return lua_type(l, -1);
    }

}
