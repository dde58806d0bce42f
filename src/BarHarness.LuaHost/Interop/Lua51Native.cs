using System.Runtime.InteropServices;

namespace BarHarness.LuaHost.Interop;

/// <summary>
/// Lua 5.1 (Debian's liblua5.1, or any lua5.1 library named by <see cref="LuaVm.Lua51LibraryVariable"/>),
/// bound as declared in its lua.h and lauxlib.h for LP64 and 64-bit Windows (lua_Integer is
/// ptrdiff_t, lua_Number double). Only <see cref="LuaApi"/> and <see cref="Runtime.LuaRuntime"/> call these.
/// </summary>
internal static unsafe class Lua51Native
{
    public const string Lib = "lua5.1";

    public const int RegistryIndex = -10000;
    public const int GlobalsIndex = -10002;

    [DllImport(Lib)] public static extern IntPtr luaL_newstate();
    [DllImport(Lib)] public static extern void luaL_openlibs(IntPtr l);
    [DllImport(Lib)] public static extern void lua_close(IntPtr l);
    [DllImport(Lib), SuppressGCTransition] public static extern int lua_gettop(IntPtr l);
    [DllImport(Lib)] public static extern IntPtr lua_gethook(IntPtr l);
    [DllImport(Lib)] public static extern int lua_sethook(IntPtr l, IntPtr func, int mask, int count);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_settop(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern int lua_type(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern int lua_isnumber(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern double lua_tonumber(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern nint lua_tointeger(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern int lua_toboolean(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_pushnumber(IntPtr l, double n);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_pushboolean(IntPtr l, int b);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_pushnil(IntPtr l);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_pushlightuserdata(IntPtr l, IntPtr p);
    [DllImport(Lib), SuppressGCTransition] public static extern IntPtr lua_touserdata(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_pushvalue(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern int lua_rawequal(IntPtr l, int a, int b);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_insert(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_remove(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_replace(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern IntPtr lua_tothread(IntPtr l, int idx);
    [DllImport(Lib)] public static extern IntPtr lua_tolstring(IntPtr l, int idx, nuint* len);
    [DllImport(Lib)] public static extern void lua_pushlstring(IntPtr l, byte* s, nuint len);
    [DllImport(Lib)] public static extern void lua_createtable(IntPtr l, int narr, int nrec);
    [DllImport(Lib)] public static extern void lua_rawseti(IntPtr l, int idx, int n);
    [DllImport(Lib)] public static extern void lua_rawgeti(IntPtr l, int idx, int n);
    [DllImport(Lib)] public static extern void lua_rawset(IntPtr l, int idx);
    [DllImport(Lib)] public static extern void lua_rawget(IntPtr l, int idx);
    [DllImport(Lib)] public static extern int lua_next(IntPtr l, int idx);
    [DllImport(Lib)] public static extern void lua_setfield(IntPtr l, int idx, byte* k);
    [DllImport(Lib)] public static extern void lua_getfield(IntPtr l, int idx, byte* k);
    [DllImport(Lib)] public static extern int lua_setfenv(IntPtr l, int idx);
    [DllImport(Lib)] public static extern void lua_pushcclosure(IntPtr l, delegate* unmanaged[Cdecl]<IntPtr, int> fn, int n);
    [DllImport(Lib)] public static extern int lua_pcall(IntPtr l, int nargs, int nresults, int errfunc);
    [DllImport(Lib)] public static extern int lua_gc(IntPtr l, int what, int data);
    [DllImport(Lib)] public static extern IntPtr lua_getallocf(IntPtr l, IntPtr* ud);
    [DllImport(Lib)] public static extern void lua_setallocf(IntPtr l, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, nuint, nuint, IntPtr> f, IntPtr ud);
    [DllImport(Lib)] public static extern int luaL_loadbuffer(IntPtr l, byte* buff, nuint sz, byte* name);
    [DllImport(Lib)] public static extern int luaL_ref(IntPtr l, int t);
    [DllImport(Lib)] public static extern void luaL_unref(IntPtr l, int t, int r);
    [DllImport(Lib)] public static extern IntPtr lua_newuserdata(IntPtr l, nuint size);
    [DllImport(Lib)] public static extern int lua_setmetatable(IntPtr l, int objindex);
    [DllImport(Lib)] public static extern int lua_getstack(IntPtr l, int level, IntPtr ar);
    [DllImport(Lib)] public static extern int lua_getinfo(IntPtr l, byte* what, IntPtr ar);
}
