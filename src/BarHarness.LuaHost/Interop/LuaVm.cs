namespace BarHarness.LuaHost.Interop;

/// <summary>The Lua virtual machines a widget can run on.</summary>
public enum LuaVmKind
{
    /// <summary>Real Lua 5.1 (BAR's language), from a lua5.1 shared library.</summary>
    Lua51,

    /// <summary>
    /// Lua 5.4 from KeraLua (ships with the harness, every platform) under the harness's 5.1 profile.
    /// </summary>
    Lua54,
}

/// <summary>
/// Chooses the one Lua VM of this process, before the first Lua state is created: the one selected
/// with <see cref="Select"/> (the CLI's <c>--vm</c>), else the one named by <c>BARHARNESS_VM</c>
/// (<c>lua51</c> or <c>lua54</c>), else Lua 5.1 where its library loads and Lua 5.4 where it does not.
/// The Lua 5.1 library is found at the path in <c>BARHARNESS_LUA51_LIBRARY</c> when set (e.g.
/// <c>C:\lua\lua5.1.dll</c>), otherwise by the usual names (liblua5.1.so.0, lua5.1.dll, lua51.dll ...).
/// </summary>
public static class LuaVm
{
    public const string SelectionVariable = "BARHARNESS_VM";
    public const string Lua51LibraryVariable = "BARHARNESS_LUA51_LIBRARY";

    private static readonly string[] Lua51Names =
    [
        "liblua5.1.so.0", "liblua5.1.so", "liblua.so.5.1", "lua5.1.dll", "lua51.dll",
        "liblua5.1.dylib", "liblua.5.1.dylib",
    ];

    private static readonly object Gate = new();
    private static LuaVmKind? _selected;
    private static LuaVmKind? _active;
    private static IntPtr _lua51Handle;
    private static string? _lua51Failure;

    static LuaVm()
    {
        NativeLibrary.SetDllImportResolver(typeof(LuaVm).Assembly, ResolveImport);
    }

    /// <summary>The VM every Lua state of this process runs on; fixed by the first read.</summary>
    public static LuaVmKind Active
    {
        get
        {
            lock (Gate)
            {
                _active ??= Resolve();
                return _active.Value;
            }
        }
    }

    /// <summary>The short name used on the command line and in reports: <c>lua51</c> or <c>lua54</c>.</summary>
    public static string ActiveName => NameOf(Active);

    /// <summary>A description for reports: which Lua, from where.</summary>
    public static string ActiveDescription => Active == LuaVmKind.Lua51
        ? "native Lua 5.1 library"
        : "Lua 5.4 from KeraLua with the harness's 5.1 profile";

    /// <summary>True when a Lua 5.1 library can be loaded here.</summary>
    public static bool Lua51Available
    {
        get
        {
            lock (Gate)
            {
                return LoadLua51() != IntPtr.Zero;
            }
        }
    }

    public static string NameOf(LuaVmKind kind) => kind == LuaVmKind.Lua51 ? "lua51" : "lua54";

    /// <summary>Parses <c>lua51</c> / <c>lua54</c> (also <c>5.1</c>, <c>5.4</c>); null otherwise.</summary>
    public static LuaVmKind? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "lua51" or "5.1" or "lua5.1" => LuaVmKind.Lua51,
        "lua54" or "5.4" or "lua5.4" => LuaVmKind.Lua54,
        _ => null,
    };

    /// <summary>
    /// Chooses the VM for this process. Must come before the first Lua state; choosing another VM
    /// once one is in use throws. Choosing Lua 5.1 where its library cannot load throws with why.
    /// </summary>
    public static void Select(LuaVmKind kind)
    {
        lock (Gate)
        {
            if (_active is { } active && active != kind)
            {
                throw new InvalidOperationException(
                    $"the {NameOf(active)} VM is already in use in this process; "
                    + "choose the VM before the first Lua state");
            }

            if (kind == LuaVmKind.Lua51 && LoadLua51() == IntPtr.Zero)
            {
                throw new InvalidOperationException(Lua51Missing());
            }

            _selected = kind;
        }
    }

    private static LuaVmKind Resolve()
    {
        var kind = _selected;
        var fromEnvironment = Environment.GetEnvironmentVariable(SelectionVariable);
        if (kind is null && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            kind = Parse(fromEnvironment)
                ?? throw new InvalidOperationException(
                    $"{SelectionVariable}={fromEnvironment}: expected lua51 or lua54");
        }

        // BAR's own Lua wherever its library loads; the portable 5.4 VM otherwise.
        kind ??= LoadLua51() != IntPtr.Zero ? LuaVmKind.Lua51 : LuaVmKind.Lua54;
        if (kind == LuaVmKind.Lua51 && LoadLua51() == IntPtr.Zero)
        {
            throw new InvalidOperationException(Lua51Missing());
        }

        return kind.Value;
    }

    private static string Lua51Missing() =>
        "the Lua 5.1 VM needs a lua5.1 library: on Debian/Ubuntu `apt-get install liblua5.1-0`; elsewhere set "
        + $"{Lua51LibraryVariable} to its path (e.g. C:\\lua\\lua5.1.dll), or run with --vm lua54"
        + (_lua51Failure is null ? string.Empty : $" ({_lua51Failure})");

    private static IntPtr LoadLua51()
    {
        if (_lua51Handle != IntPtr.Zero || _lua51Failure is not null)
        {
            return _lua51Handle;
        }

        var path = Environment.GetEnvironmentVariable(Lua51LibraryVariable);
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (!NativeLibrary.TryLoad(path, out _lua51Handle))
            {
                _lua51Failure = $"{Lua51LibraryVariable}={path} does not load";
            }

            return _lua51Handle;
        }

        foreach (var name in Lua51Names)
        {
            if (NativeLibrary.TryLoad(name, typeof(LuaVm).Assembly, null, out _lua51Handle))
            {
                return _lua51Handle;
            }
        }

        _lua51Failure = "no library named " + string.Join(", ", Lua51Names) + " found";
        return IntPtr.Zero;
    }

    private static IntPtr ResolveImport(
        string libraryName, System.Reflection.Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName == LuaApi.ActiveLibrary)
        {
            // The functions both VMs declare alike are bound once, to whichever library is active.
            return Active == LuaVmKind.Lua51
                ? ResolveImport(Lua51Native.Lib, assembly, searchPath)
                : NativeLibrary.Load(Lua54Native.Lib, assembly, searchPath);
        }

        if (libraryName != Lua51Native.Lib)
        {
            return IntPtr.Zero;
        }

        lock (Gate)
        {
            return LoadLua51();
        }
    }
}
