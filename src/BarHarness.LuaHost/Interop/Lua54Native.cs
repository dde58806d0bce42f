using System.Runtime.InteropServices;

namespace BarHarness.LuaHost.Interop;

/// <summary>
/// The Lua 5.4 library KeraLua ships ("lua54"), bound as declared in its lua.h. Only
/// <see cref="LuaApi"/> calls these. Calls marked <see cref="SuppressGCTransitionAttribute"/> are
/// tiny, never block and never call back into managed code.
/// </summary>
internal static unsafe class Lua54Native
{
    private const string Lib = "lua54";

    public const int RegistryIndex = -1001000;

    [DllImport(Lib), SuppressGCTransition] public static extern int lua_gettop(IntPtr l);
    [DllImport(Lib)] public static extern IntPtr lua_gethook(IntPtr l);
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
    [DllImport(Lib)] public static extern IntPtr lua_tolstring(IntPtr l, int idx, nuint* len);
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
    [DllImport(Lib)] public static extern IntPtr lua_newuserdatauv(IntPtr l, nuint size, int nuvalue);
    [DllImport(Lib)] public static extern int lua_setmetatable(IntPtr l, int objindex);
    [DllImport(Lib)] public static extern int lua_getstack(IntPtr l, int level, IntPtr ar);
    [DllImport(Lib)] public static extern int lua_getinfo(IntPtr l, byte* what, IntPtr ar);
}
