namespace BarHarness.LuaHost.Interop;

/// <summary>
/// The C API functions that Lua 5.1 and Lua 5.4 declare alike (same name, arguments and result), bound
/// once to <see cref="ActiveLibrary"/>, which <see cref="LuaVm"/> resolves to the library of this
/// process's VM. Functions whose declarations differ are dispatched in the other LuaApi files.
/// Calls marked <see cref="SuppressGCTransitionAttribute"/> are tiny, never block and never call back.
/// </summary>
public static unsafe partial class LuaApi
{
    /// <summary>The library name <see cref="LuaVm"/> maps to lua5.1 or lua54, whichever VM is active.</summary>
    internal const string ActiveLibrary = "barharness-active-lua";

    [DllImport(ActiveLibrary), SuppressGCTransition] public static extern int lua_gettop(IntPtr l);

    /// <summary>The hook function (lua_Hook) in force, or null. A C pointer, never a managed one.</summary>
    [DllImport(ActiveLibrary)] public static extern IntPtr lua_gethook(IntPtr l);

    [DllImport(ActiveLibrary), SuppressGCTransition] public static extern void lua_settop(IntPtr l, int idx);
    [DllImport(ActiveLibrary), SuppressGCTransition] public static extern int lua_type(IntPtr l, int idx);
    [DllImport(ActiveLibrary), SuppressGCTransition] public static extern int lua_toboolean(IntPtr l, int idx);
    [DllImport(ActiveLibrary), SuppressGCTransition] public static extern void lua_pushnumber(IntPtr l, double n);
    [DllImport(ActiveLibrary), SuppressGCTransition] public static extern void lua_pushboolean(IntPtr l, int b);
    [DllImport(ActiveLibrary), SuppressGCTransition] public static extern void lua_pushnil(IntPtr l);

    [DllImport(ActiveLibrary), SuppressGCTransition]
    public static extern void lua_pushlightuserdata(IntPtr l, IntPtr p);

    [DllImport(ActiveLibrary), SuppressGCTransition] public static extern IntPtr lua_touserdata(IntPtr l, int idx);
    [DllImport(ActiveLibrary), SuppressGCTransition] public static extern void lua_pushvalue(IntPtr l, int idx);
    [DllImport(ActiveLibrary), SuppressGCTransition] public static extern int lua_rawequal(IntPtr l, int a, int b);
    [DllImport(ActiveLibrary), SuppressGCTransition] public static extern IntPtr lua_tothread(IntPtr l, int idx);

    // These may allocate inside Lua (and so may run the GC or, on allocation failure, raise): see
    // LuaApi.Tables.cs for where they may be called.
    [DllImport(ActiveLibrary)] public static extern void lua_createtable(IntPtr l, int narr, int nrec);
    [DllImport(ActiveLibrary)] public static extern void lua_rawset(IntPtr l, int idx);
    [DllImport(ActiveLibrary)] public static extern int lua_next(IntPtr l, int idx);
    [DllImport(ActiveLibrary)] public static extern void lua_setfield(IntPtr l, int idx, byte* k);

    [DllImport(ActiveLibrary)]
    public static extern void lua_pushcclosure(IntPtr l, delegate* unmanaged[Cdecl]<IntPtr, int> fn, int n);

    [DllImport(ActiveLibrary)] public static extern int lua_gc(IntPtr l, int what, int arg);
    [DllImport(ActiveLibrary)] public static extern IntPtr lua_getallocf(IntPtr l, IntPtr* ud);

    [DllImport(ActiveLibrary)]
    public static extern void lua_setallocf(
        IntPtr l, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, nuint, nuint, IntPtr> f, IntPtr ud);

    [DllImport(ActiveLibrary)] public static extern int luaL_ref(IntPtr l, int t);
    [DllImport(ActiveLibrary)] public static extern void luaL_unref(IntPtr l, int t, int r);

    /// <summary>Pops a table (or nil) and makes it the metatable of the value at <paramref name="objindex"/>.</summary>
    [DllImport(ActiveLibrary)] public static extern int lua_setmetatable(IntPtr l, int objindex);

    /// <summary>
    /// Fills the lua_Debug block at <paramref name="ar"/> (laid out per VM, see <see cref="LuaStackInspector"/>).
    /// </summary>
    [DllImport(ActiveLibrary)] public static extern int lua_getstack(IntPtr l, int level, IntPtr ar);

    [DllImport(ActiveLibrary)] public static extern int lua_getinfo(IntPtr l, byte* what, IntPtr ar);

    [DllImport(ActiveLibrary, EntryPoint = "lua_tolstring")]
    private static extern IntPtr lua_tolstring_native(IntPtr l, int idx, nuint* len);
}
