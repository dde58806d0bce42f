namespace BarHarness.LuaHost.Interop;

/// <summary>
/// The Lua 5.4 library KeraLua ships ("lua54"), bound as declared in its lua.h. Only
/// <see cref="LuaApi"/> calls these. Calls marked <see cref="SuppressGCTransitionAttribute"/> are
/// tiny, never block and never call back into managed code.
/// </summary>
internal static unsafe class Lua54Native
{
    public const string Lib = "lua54";

    public const int RegistryIndex = -1001000;

    [DllImport(Lib)] public static extern void lua_sethook(IntPtr l, IntPtr func, int mask, int count);
    [DllImport(Lib), SuppressGCTransition] public static extern double lua_tonumberx(IntPtr l, int idx, int* isnum);
    [DllImport(Lib), SuppressGCTransition] public static extern long lua_tointegerx(IntPtr l, int idx, int* isnum);
    [DllImport(Lib), SuppressGCTransition] public static extern int lua_isinteger(IntPtr l, int idx);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_pushinteger(IntPtr l, long n);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_rotate(IntPtr l, int idx, int n);
    [DllImport(Lib), SuppressGCTransition] public static extern void lua_copy(IntPtr l, int fromidx, int toidx);
    [DllImport(Lib)] public static extern IntPtr lua_pushlstring(IntPtr l, byte* s, nuint len);
    [DllImport(Lib)] public static extern void lua_rawseti(IntPtr l, int idx, long n);
    [DllImport(Lib)] public static extern int lua_rawgeti(IntPtr l, int idx, long n);
    [DllImport(Lib)] public static extern int lua_rawget(IntPtr l, int idx);
    [DllImport(Lib)] public static extern int lua_getfield(IntPtr l, int idx, byte* k);
    [DllImport(Lib)]
    public static extern int lua_pcallk(IntPtr l, int nargs, int nresults, int msgh, IntPtr ctx,
        IntPtr k);
    [DllImport(Lib)] public static extern void luaL_traceback(IntPtr l, IntPtr l1, byte* msg, int level);
    [DllImport(Lib)] public static extern int luaL_loadbufferx(IntPtr l, byte* buff, nuint sz, byte* name, byte* mode);
    [DllImport(Lib)] public static extern IntPtr lua_newuserdatauv(IntPtr l, nuint size, int nuvalue);
}
