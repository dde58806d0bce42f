namespace BarHarness.LuaHost.Interop;

/// <summary>
/// The one seam between the harness and the Lua VM: the C API as Lua 5.4 spells it, dispatched to the
/// VM of this process (<see cref="LuaVm.Active"/>): KeraLua's Lua 5.4 or a native Lua 5.1 library,
/// with 5.4-isms (lua_tonumberx, lua_rotate, lua_copy, typed getters, lua_pcallk, luaL_traceback,
/// pseudo-indices) translated for 5.1. Functions both VMs declare alike are bound once, to the active
/// VM's library (LuaApi.Shared.cs); for the others the choice is a static readonly flag, which the JIT
/// folds, so a call costs what the direct P/Invoke costs. Engine functions are registered as raw
/// <c>lua_CFunction</c>s (about 0.2 µs a call here, against 2.5 µs for NLua's reflection binding).
/// <para>
/// Never call <c>lua_error</c> (or anything that raises) from a managed callback: Lua raises by
/// longjmp, which skips the reverse-P/Invoke frame and deadlocks the .NET GC (verified). Natives raise
/// errors with <see cref="Runtime.LuaRuntime.RaiseError"/> instead.
/// </para>
/// </summary>
public static unsafe partial class LuaApi
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
    public const int LUA_GCSTOP = 0;
    public const int LUA_GCCOLLECT = 2;
    public const int LUA_GCCOUNT = 3;
    public const int LUA_GCCOUNTB = 4;
    public const int LUA_GCSTEP = 5;
    public const int LUA_MASKCOUNT = 1 << 3;

    private const string TracebackKey = "barharness.debugtraceback";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int UpvalueIndex(int i) => IsLua51 ? Lua51Native.GlobalsIndex - i : Lua54Native.RegistryIndex - i;

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

    /// <summary>1 for a value of 5.4's integer subtype; always 0 on 5.1, whose numbers are all doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int lua_isinteger(IntPtr l, int idx) => IsLua51 ? 0 : Lua54Native.lua_isinteger(l, idx);

    /// <summary>An integer on 5.4; on 5.1 the same value as a number (5.1's lua_pushinteger does that too).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void lua_pushinteger(IntPtr l, long n)
    {
        if (IsLua51)
        {
            lua_pushnumber(l, n);
        }
        else
        {
            Lua54Native.lua_pushinteger(l, n);
        }
    }

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

        var abs = AbsoluteIndex51(l, idx);
        for (var i = 0; i < n; i++)
        {
            Lua51Native.lua_insert(l, abs);
        }

        for (var i = 0; i > n; i--)
        {
            lua_pushvalue(l, abs);
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

        var to = AbsoluteIndex51(l, toidx);
        lua_pushvalue(l, fromidx);
        Lua51Native.lua_replace(l, to);
    }

    /// <summary>A stack index made absolute on 5.1 (pseudo-indices such as the registry stay as they are).</summary>
    private static int AbsoluteIndex51(IntPtr l, int idx) =>
        idx < 0 && idx > Lua51Native.RegistryIndex ? lua_gettop(l) + idx + 1 : idx;
}
