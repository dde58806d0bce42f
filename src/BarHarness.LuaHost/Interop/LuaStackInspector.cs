namespace BarHarness.LuaHost.Interop;

/// <summary>
/// Reads the running Lua stack from a native without allocating (lua_getstack + lua_getinfo into a
/// lua_Debug block laid out as the active VM declares it on 64-bit platforms).
/// </summary>
public static unsafe class LuaStackInspector
{
    // lua_Debug (5.4, LP64): int event; const char *name, *namewhat, *what, *source; size_t srclen;
    // int currentline, linedefined, lastlinedefined; ... char short_src[60]; CallInfo *i_ci.
    // lua_Debug (5.1, LP64): int event; const char *name, *namewhat, *what, *source; int currentline,
    // nups, linedefined, lastlinedefined; char short_src[60]; int i_ci.
    private const int SourceOffset = 32;
    private static readonly int CurrentLineOffset = LuaApi.IsLua51 ? 40 : 48;
    private static readonly int LineDefinedOffset = LuaApi.IsLua51 ? 48 : 52;
    private static readonly int ShortSrcOffset = LuaApi.IsLua51 ? 56 : 68;
    private const int DebugSize = 256;

    private static readonly byte[] WhatSource = "S\0"u8.ToArray();
    private static readonly byte[] WhatSourceLine = "Sl\0"u8.ToArray();

    /// <summary>True when the function at <paramref name="level"/> is the harness's own glue (chunk names "=(barharness
    /// ...)").</summary>
    public static bool IsHarnessCode(IntPtr l, int level)
    {
        var ar = stackalloc byte[DebugSize];
        if (LuaApi.lua_getstack(l, level, (IntPtr)ar) == 0)
        {
            return false;
        }

        fixed (byte* what = WhatSource)
        {
            LuaApi.lua_getinfo(l, what, (IntPtr)ar);
        }

        var source = *(byte**)(ar + SourceOffset);
        return source != null && source[0] == (byte)'=' && source[1] == (byte)'(' && source[2] == (byte)'b'
            && source[3] == (byte)'a';
    }

    /// <summary>The source pointer (stable for a loaded chunk), line defined and current line at a level; false past
    /// the stack.</summary>
    public static bool TryGetFrame(IntPtr l, int level, out IntPtr source, out int lineDefined, out int currentLine)
    {
        var ar = stackalloc byte[DebugSize];
        source = IntPtr.Zero;
        lineDefined = 0;
        currentLine = 0;
        if (LuaApi.lua_getstack(l, level, (IntPtr)ar) == 0)
        {
            return false;
        }

        fixed (byte* what = WhatSourceLine)
        {
            LuaApi.lua_getinfo(l, what, (IntPtr)ar);
        }

        source = (IntPtr)(*(byte**)(ar + SourceOffset));
        currentLine = *(int*)(ar + CurrentLineOffset);
        lineDefined = *(int*)(ar + LineDefinedOffset);
        return true;
    }

    /// <summary>
    /// What luaL_where(L, level) would prefix: "short_src:line: " for a Lua function, "" otherwise.
    /// </summary>
    public static string Where(IntPtr l, int level)
    {
        var ar = stackalloc byte[DebugSize];
        if (LuaApi.lua_getstack(l, level, (IntPtr)ar) == 0)
        {
            return string.Empty;
        }

        fixed (byte* what = WhatSourceLine)
        {
            LuaApi.lua_getinfo(l, what, (IntPtr)ar);
        }

        var line = *(int*)(ar + CurrentLineOffset);
        if (line <= 0)
        {
            return string.Empty;
        }

        var shortSrc = Marshal.PtrToStringUTF8((IntPtr)(ar + ShortSrcOffset)) ?? "?";
        return $"{shortSrc}:{line}: ";
    }

    public static string SourceName(IntPtr source) =>
        source == IntPtr.Zero ? "?" : Marshal.PtrToStringUTF8(source) ?? "?";
}
