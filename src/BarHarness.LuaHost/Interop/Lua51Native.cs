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
    [DllImport(Lib)] public static extern int lua_sethook(IntPtr l, IntPtr func, int mask, int count);
    [DllImport(Lib), SuppressGCTransition] public static extern int lua_isnumber(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern double lua_tonumber(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern nint lua_tointeger(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_insert(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_remove(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_replace(IntPtr l, int idx);
    [DllImport(Lib)] public static extern void lua_pushlstring(IntPtr l, byte* s, nuint len);
    [DllImport(Lib)] public static extern void lua_rawseti(IntPtr l, int idx, int n);
    [DllImport(Lib)] public static extern void lua_rawgeti(IntPtr l, int idx, int n);
    [DllImport(Lib)] public static extern void lua_rawget(IntPtr l, int idx);
    [DllImport(Lib)] public static extern void lua_getfield(IntPtr l, int idx, byte* k);
    [DllImport(Lib)] public static extern int lua_setfenv(IntPtr l, int idx);
    [DllImport(Lib)] public static extern int lua_pcall(IntPtr l, int nargs, int nresults, int errfunc);
    [DllImport(Lib)] public static extern int luaL_loadbuffer(IntPtr l, byte* buff, nuint sz, byte* name);
    [DllImport(Lib)] public static extern IntPtr lua_newuserdata(IntPtr l, nuint size);
}
