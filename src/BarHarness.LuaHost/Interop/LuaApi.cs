using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace BarHarness.LuaHost.Interop;

/// <summary>
/// The one seam between the harness and the Lua VM: the C API as Lua 5.4 spells it, dispatched to the
/// VM of this process (<see cref="LuaVm.Active"/>): KeraLua's Lua 5.4 or a native Lua 5.1 library,
/// with 5.4-isms (lua_tonumberx, lua_rotate, lua_copy, typed getters, lua_pcallk, luaL_traceback,
/// pseudo-indices) translated for 5.1. The choice is a static readonly flag, which the JIT folds, so
/// a call costs what the direct P/Invoke costs. Engine functions are registered as raw
/// <c>lua_CFunction</c>s (about 0.2 µs a call here, against 2.5 µs for NLua's reflection binding).
/// <para>
/// Never call <c>lua_error</c> (or anything that raises) from a managed callback: Lua raises by
/// longjmp, which skips the reverse-P/Invoke frame and deadlocks the .NET GC (verified). Natives raise
/// errors with <see cref="Runtime.LuaRuntime.RaiseError"/> instead.
/// </para>
/// </summary>
public static unsafe class LuaApi
{
    /// <summary>True on the Lua 5.1 VM; fixed when this class is first used.</summary>
    public static readonly bool IsLua51 = LuaVm.Active == LuaVmKind.Lua51;

    public const int LUA_MULTRET = -1;

    /// <summary>The registry pseudo-index of the active VM (5.4: -1001000, 5.1: -10000).</summary>
    public static readonly int LUA_REGISTRYINDEX = IsLua51 ? Lua51Native.RegistryIndex : Lua54Native.RegistryIndex;

    public const int LUA_TNONE = -1;
    public const int LUA_TNIL = 0;
    public const int LUA_TBOOLEAN = 1;
    public const int LUA_TLIGHTUSERDATA = 2;
    public const int LUA_TNUMBER = 3;
    public const int LUA_TSTRING = 4;
    public const int LUA_TTABLE = 5;
    public const int LUA_TFUNCTION = 6;
    public const int LUA_TUSERDATA = 7;
    public const int LUA_TTHREAD = 8;
    public const int LUA_OK = 0;
    public const int LUA_ERRSYNTAX = 3;
    public const int LUA_GCCOLLECT = 2;
    public const int LUA_GCCOUNT = 3;
    public const int LUA_GCCOUNTB = 4;
    public const int LUA_MASKCOUNT = 1 << 3;

    private const string TracebackKey = "barharness.debugtraceback";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int UpvalueIndex(int i) => IsLua51 ? Lua51Native.GlobalsIndex - i : Lua54Native.RegistryIndex - i;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int lua_gettop(IntPtr l) => IsLua51 ? Lua51Native.lua_gettop(l) : Lua54Native.lua_gettop(l);

    /// <summary>The hook function (lua_Hook) in force, or null. A C pointer, never a managed one.</summary>
    public static IntPtr lua_gethook(IntPtr l) => IsLua51 ? Lua51Native.lua_gethook(l) : Lua54Native.lua_gethook(l);

    /// <summary>
    /// Sets the C hook. Safe to call from another thread while the VM runs (lua.c does it from a signal handler).
    /// </summary>
    public static void lua_sethook(IntPtr l, IntPtr func, int mask, int count)
    {
        if (IsLua51)
        {
            Lua51Native.lua_sethook(l, func, mask, count);
        }
        else
        {
            Lua54Native.lua_sethook(l, func, mask, count);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void lua_settop(IntPtr l, int idx)
    {
        if (IsLua51)
        {
            Lua51Native.lua_settop(l, idx);
        }
        else
        {
            Lua54Native.lua_settop(l, idx);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int lua_type(IntPtr l, int idx) =>
        IsLua51 ? Lua51Native.lua_type(l, idx) : Lua54Native.lua_type(l, idx);

    /// <summary>
    /// The number at <paramref name="idx"/> (numeric strings converted); *isnum says whether it was one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double lua_tonumberx(IntPtr l, int idx, int* isnum)
    {
        if (!IsLua51)
        {
            return Lua54Native.lua_tonumberx(l, idx, isnum);
        }

        if (isnum != null)
        {
            *isnum = Lua51Native.lua_isnumber(l, idx);
        }

        return Lua51Native.lua_tonumber(l, idx);
    }

    /// <summary>On 5.1 (no integer subtype) any number converts, truncated as lua_tointeger does.</summary>
    public static long lua_tointegerx(IntPtr l, int idx, int* isnum)
    {
        if (!IsLua51)
        {
            return Lua54Native.lua_tointegerx(l, idx, isnum);
        }

        if (isnum != null)
        {
            *isnum = Lua51Native.lua_isnumber(l, idx);
        }

        return Lua51Native.lua_tointeger(l, idx);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int lua_toboolean(IntPtr l, int idx) =>
        IsLua51 ? Lua51Native.lua_toboolean(l, idx) : Lua54Native.lua_toboolean(l, idx);

    /// <summary>1 for a value of 5.4's integer subtype; always 0 on 5.1, whose numbers are all doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int lua_isinteger(IntPtr l, int idx) => IsLua51 ? 0 : Lua54Native.lua_isinteger(l, idx);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void lua_pushnumber(IntPtr l, double n)
    {
        if (IsLua51)
        {
            Lua51Native.lua_pushnumber(l, n);
        }
        else
        {
            Lua54Native.lua_pushnumber(l, n);
        }
    }

    /// <summary>An integer on 5.4; on 5.1 the same value as a number (5.1's lua_pushinteger does that too).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void lua_pushinteger(IntPtr l, long n)
    {
        if (IsLua51)
        {
            Lua51Native.lua_pushnumber(l, n);
        }
        else
        {
            Lua54Native.lua_pushinteger(l, n);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void lua_pushboolean(IntPtr l, int b)
    {
        if (IsLua51)
        {
            Lua51Native.lua_pushboolean(l, b);
        }
        else
        {
            Lua54Native.lua_pushboolean(l, b);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void lua_pushnil(IntPtr l)
    {
        if (IsLua51)
        {
            Lua51Native.lua_pushnil(l);
        }
        else
        {
            Lua54Native.lua_pushnil(l);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void lua_pushlightuserdata(IntPtr l, IntPtr p)
    {
        if (IsLua51)
        {
            Lua51Native.lua_pushlightuserdata(l, p);
        }
        else
        {
            Lua54Native.lua_pushlightuserdata(l, p);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IntPtr lua_touserdata(IntPtr l, int idx) =>
        IsLua51 ? Lua51Native.lua_touserdata(l, idx) : Lua54Native.lua_touserdata(l, idx);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void lua_pushvalue(IntPtr l, int idx)
    {
        if (IsLua51)
        {
            Lua51Native.lua_pushvalue(l, idx);
        }
        else
        {
            Lua54Native.lua_pushvalue(l, idx);
        }
    }

    public static int lua_rawequal(IntPtr l, int a, int b) =>
        IsLua51 ? Lua51Native.lua_rawequal(l, a, b) : Lua54Native.lua_rawequal(l, a, b);

    /// <summary>
    /// Rotates the elements from <paramref name="idx"/> to the top <paramref name="n"/> places toward the top (5.1: by
    /// lua_insert / lua_remove).
    /// </summary>
    public static void lua_rotate(IntPtr l, int idx, int n)
    {
        if (!IsLua51)
        {
            Lua54Native.lua_rotate(l, idx, n);
            return;
        }

        var abs = idx < 0 && idx > Lua51Native.RegistryIndex ? Lua51Native.lua_gettop(l) + idx + 1 : idx;
        for (var i = 0; i < n; i++)
        {
            Lua51Native.lua_insert(l, abs);
        }

        for (var i = 0; i > n; i--)
        {
            Lua51Native.lua_pushvalue(l, abs);
            Lua51Native.lua_remove(l, abs);
        }
    }

    public static void lua_copy(IntPtr l, int fromidx, int toidx)
    {
        if (!IsLua51)
        {
            Lua54Native.lua_copy(l, fromidx, toidx);
            return;
        }

        var to = toidx < 0 && toidx > Lua51Native.RegistryIndex ? Lua51Native.lua_gettop(l) + toidx + 1 : toidx;
        Lua51Native.lua_pushvalue(l, fromidx);
        Lua51Native.lua_replace(l, to);
    }

    public static IntPtr lua_tothread(IntPtr l, int idx) =>
        IsLua51 ? Lua51Native.lua_tothread(l, idx) : Lua54Native.lua_tothread(l, idx);

    // These may allocate inside Lua (and so may run the GC or, on allocation failure, raise):
    // only call them where an allocation failure cannot happen (the harness lifts the memory cap
    // for its own work) or from plain managed code, not from natives under a tight cap.
    public static IntPtr lua_tolstring(IntPtr l, int idx, out nuint len)
    {
        nuint n;
        var p = IsLua51 ? Lua51Native.lua_tolstring(l, idx, &n) : Lua54Native.lua_tolstring(l, idx, &n);
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

    public static void lua_createtable(IntPtr l, int narr, int nrec)
    {
        if (IsLua51)
        {
            Lua51Native.lua_createtable(l, narr, nrec);
        }
        else
        {
            Lua54Native.lua_createtable(l, narr, nrec);
        }
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
        return Lua51Native.lua_type(l, -1);
    }

    public static void lua_rawset(IntPtr l, int idx)
    {
        if (IsLua51)
        {
            Lua51Native.lua_rawset(l, idx);
        }
        else
        {
            Lua54Native.lua_rawset(l, idx);
        }
    }

    /// <summary>Pushes t[k] (raw, k popped) and returns its type.</summary>
    public static int lua_rawget(IntPtr l, int idx)
    {
        if (!IsLua51)
        {
            return Lua54Native.lua_rawget(l, idx);
        }

        Lua51Native.lua_rawget(l, idx);
        return Lua51Native.lua_type(l, -1);
    }

    public static int lua_next(IntPtr l, int idx) =>
        IsLua51 ? Lua51Native.lua_next(l, idx) : Lua54Native.lua_next(l, idx);

    public static void lua_setfield(IntPtr l, int idx, byte* k)
    {
        if (IsLua51)
        {
            Lua51Native.lua_setfield(l, idx, k);
        }
        else
        {
            Lua54Native.lua_setfield(l, idx, k);
        }
    }

    /// <summary>Pushes t[k] (metamethods honoured) and returns its type.</summary>
    public static int lua_getfield(IntPtr l, int idx, byte* k)
    {
        if (!IsLua51)
        {
            return Lua54Native.lua_getfield(l, idx, k);
        }

        Lua51Native.lua_getfield(l, idx, k);
        return Lua51Native.lua_type(l, -1);
    }

    public static void lua_pushcclosure(IntPtr l, delegate* unmanaged[Cdecl]<IntPtr, int> fn, int n)
    {
        if (IsLua51)
        {
            Lua51Native.lua_pushcclosure(l, fn, n);
        }
        else
        {
            Lua54Native.lua_pushcclosure(l, fn, n);
        }
    }

    /// <summary>lua_pcall (the continuation arguments are ignored on 5.1, which has none).</summary>
    public static int lua_pcallk(IntPtr l, int nargs, int nresults, int msgh, IntPtr ctx, IntPtr k) =>
        IsLua51
            ? Lua51Native.lua_pcall(l, nargs, nresults, msgh)
            : Lua54Native.lua_pcallk(l, nargs, nresults, msgh, ctx, k);

    public static int lua_gc(IntPtr l, int what, int arg) =>
        IsLua51 ? Lua51Native.lua_gc(l, what, arg) : Lua54Native.lua_gc(l, what, arg);

    public static IntPtr lua_getallocf(IntPtr l, IntPtr* ud) =>
        IsLua51 ? Lua51Native.lua_getallocf(l, ud) : Lua54Native.lua_getallocf(l, ud);

    public static void lua_setallocf(
        IntPtr l, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, nuint, nuint, IntPtr> f, IntPtr ud)
    {
        if (IsLua51)
        {
            Lua51Native.lua_setallocf(l, f, ud);
        }
        else
        {
            Lua54Native.lua_setallocf(l, f, ud);
        }
    }

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

        var top = Lua51Native.lua_gettop(l);
        GetField(l, LUA_REGISTRYINDEX, TracebackKey);
        var msgLength = msg == null ? 0 : (nuint)new ReadOnlySpan<byte>(msg, int.MaxValue).IndexOf((byte)0);
        Lua51Native.lua_pushlstring(l, msg == null ? (byte*)0 : msg, msgLength);
        Lua51Native.lua_pushnumber(l, level + 1);
        if (Lua51Native.lua_pcall(l, 2, 1, 0) != LUA_OK || Lua51Native.lua_type(l, -1) != LUA_TSTRING)
        {
            Lua51Native.lua_settop(l, top);
            PushString(l, "stack traceback:\n\t(unavailable)");
            return;
        }

        if (msg == null)
        {
            // debug.traceback("") starts with the newline that follows the (empty) message
            var text = ToStringValue(l, -1) ?? string.Empty;
            Lua51Native.lua_settop(l, top);
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

    public static int luaL_ref(IntPtr l, int t) => IsLua51 ? Lua51Native.luaL_ref(l, t) : Lua54Native.luaL_ref(l, t);

    public static void luaL_unref(IntPtr l, int t, int r)
    {
        if (IsLua51)
        {
            Lua51Native.luaL_unref(l, t, r);
        }
        else
        {
            Lua54Native.luaL_unref(l, t, r);
        }
    }

    /// <summary>
    /// A full userdata of <paramref name="size"/> bytes (5.1 has no user values: <paramref name="nuvalue"/> must be 0
    /// there).
    /// </summary>
    public static IntPtr lua_newuserdatauv(IntPtr l, nuint size, int nuvalue) =>
        IsLua51 ? Lua51Native.lua_newuserdata(l, size) : Lua54Native.lua_newuserdatauv(l, size, nuvalue);

    /// <summary>Pops a table (or nil) and makes it the metatable of the value at <paramref name="objindex"/>.</summary>
    public static int lua_setmetatable(IntPtr l, int objindex) =>
        IsLua51 ? Lua51Native.lua_setmetatable(l, objindex) : Lua54Native.lua_setmetatable(l, objindex);

    /// <summary>
    /// Fills the lua_Debug block at <paramref name="ar"/> (laid out per VM, see <see cref="LuaStackInspector"/>).
    /// </summary>
    public static int lua_getstack(IntPtr l, int level, IntPtr ar) =>
        IsLua51 ? Lua51Native.lua_getstack(l, level, ar) : Lua54Native.lua_getstack(l, level, ar);

    public static int lua_getinfo(IntPtr l, byte* what, IntPtr ar) =>
        IsLua51 ? Lua51Native.lua_getinfo(l, what, ar) : Lua54Native.lua_getinfo(l, what, ar);

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
