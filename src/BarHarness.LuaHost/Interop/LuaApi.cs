using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace BarHarness.LuaHost.Interop;

/// <summary>
/// Direct entry points into the Lua 5.4 library that KeraLua ships ("lua54"), declared with
/// function-pointer types so engine functions can be registered as raw <c>lua_CFunction</c>s
/// (about 0.2 µs a call here, against 2.5 µs for NLua's reflection binding).
/// Calls marked <see cref="SuppressGCTransitionAttribute"/> are tiny, never block and never call
/// back into managed code.
/// <para>
/// Never call <c>lua_error</c> (or anything that raises) from a managed callback: Lua raises by
/// longjmp, which skips the reverse-P/Invoke frame and deadlocks the .NET GC (verified). Natives raise
/// errors with <see cref="Runtime.LuaRuntime.RaiseError"/> instead.
/// </para>
/// </summary>
public static unsafe class LuaApi
{
    private const string Lib = "lua54";

    public const int LUA_MULTRET = -1;
    public const int LUA_REGISTRYINDEX = -1001000;
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
    public const int LUA_GCCOLLECT = 2;
    public const int LUA_GCCOUNT = 3;
    public const int LUA_GCCOUNTB = 4;

    public static int UpvalueIndex(int i) => LUA_REGISTRYINDEX - i;

    [DllImport(Lib), SuppressGCTransition] public static extern int lua_gettop(IntPtr l);

    public const int LUA_MASKCOUNT = 1 << 3;

    /// <summary>The hook function (lua_Hook) in force, or null. A C pointer, never a managed one.</summary>
    [DllImport(Lib)] public static extern IntPtr lua_gethook(IntPtr l);

    /// <summary>Sets the C hook. Safe to call from another thread while the VM runs (lua.c does it from a signal handler).</summary>
    [DllImport(Lib)] public static extern void lua_sethook(IntPtr l, IntPtr func, int mask, int count);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_settop(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern int lua_type(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern double lua_tonumberx(IntPtr l, int idx, int* isnum);
    [DllImport(Lib), SuppressGCTransition] public static extern long lua_tointegerx(IntPtr l, int idx, int* isnum);
    [DllImport(Lib), SuppressGCTransition] public static extern int lua_toboolean(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern int lua_isinteger(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_pushnumber(IntPtr l, double n);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_pushinteger(IntPtr l, long n);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_pushboolean(IntPtr l, int b);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_pushnil(IntPtr l);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_pushlightuserdata(IntPtr l, IntPtr p);
    [DllImport(Lib), SuppressGCTransition] public static extern IntPtr lua_touserdata(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_pushvalue(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern int lua_rawequal(IntPtr l, int a, int b);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_rotate(IntPtr l, int idx, int n);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_copy(IntPtr l, int fromidx, int toidx);
    [DllImport(Lib), SuppressGCTransition] public static extern IntPtr lua_tothread(IntPtr l, int idx);

    // These may allocate inside Lua (and so may run the GC or, on allocation failure, raise):
    // only call them where an allocation failure cannot happen (the harness lifts the memory cap
    // for its own work) or from plain managed code, not from natives under a tight cap.
    [DllImport(Lib)] public static extern IntPtr lua_tolstring(IntPtr l, int idx, out nuint len);
    [DllImport(Lib)] public static extern IntPtr lua_pushlstring(IntPtr l, byte* s, nuint len);
    [DllImport(Lib)] public static extern void lua_createtable(IntPtr l, int narr, int nrec);
    [DllImport(Lib)] public static extern void lua_rawseti(IntPtr l, int idx, long n);
    [DllImport(Lib)] public static extern int lua_rawgeti(IntPtr l, int idx, long n);
    [DllImport(Lib)] public static extern void lua_rawset(IntPtr l, int idx);
    [DllImport(Lib)] public static extern int lua_rawget(IntPtr l, int idx);
    [DllImport(Lib)] public static extern int lua_next(IntPtr l, int idx);
    [DllImport(Lib)] public static extern void lua_setfield(IntPtr l, int idx, byte* k);
    [DllImport(Lib)] public static extern int lua_getfield(IntPtr l, int idx, byte* k);
    [DllImport(Lib)] public static extern void lua_pushcclosure(IntPtr l, delegate* unmanaged[Cdecl]<IntPtr, int> fn, int n);
    [DllImport(Lib)] public static extern int lua_pcallk(IntPtr l, int nargs, int nresults, int msgh, IntPtr ctx, IntPtr k);
    [DllImport(Lib)] public static extern int lua_gc(IntPtr l, int what, int arg);
    [DllImport(Lib)] public static extern IntPtr lua_getallocf(IntPtr l, IntPtr* ud);
    [DllImport(Lib)] public static extern void lua_setallocf(IntPtr l, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, nuint, nuint, IntPtr> f, IntPtr ud);
    [DllImport(Lib)] public static extern void luaL_traceback(IntPtr l, IntPtr l1, byte* msg, int level);
    [DllImport(Lib)] public static extern int luaL_loadbufferx(IntPtr l, byte* buff, nuint sz, byte* name, byte* mode);
    [DllImport(Lib)] public static extern int luaL_ref(IntPtr l, int t);
    [DllImport(Lib)] public static extern void luaL_unref(IntPtr l, int t, int r);
    [DllImport(Lib)] public static extern int lua_getstack(IntPtr l, int level, IntPtr ar);
    [DllImport(Lib)] public static extern int lua_getinfo(IntPtr l, byte* what, IntPtr ar);

    public static void Pop(IntPtr l, int n) => lua_settop(l, -n - 1);

    public static bool IsNumber(IntPtr l, int idx) => lua_type(l, idx) == LUA_TNUMBER;

    /// <summary>Reads a number argument; <paramref name="ok"/> is false for a non-number (strings are not coerced, as Recoil's luaL_checknumber would for numeric strings — see remarks in callers).</summary>
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
