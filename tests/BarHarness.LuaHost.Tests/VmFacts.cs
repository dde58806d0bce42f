namespace BarHarness.LuaHost.Tests;

/// <summary>A fact about one VM only: skipped (and said so) when the suite runs on the other (BARHARNESS_VM).</summary>
public sealed class Lua54OnlyFactAttribute : FactAttribute
{
    public Lua54OnlyFactAttribute()
    {
        if (LuaVm.Active != LuaVmKind.Lua54)
        {
            Skip = "a fact about the Lua 5.4 VM; this run uses " + LuaVm.ActiveName;
        }
    }
}

/// <summary>A fact about the native Lua 5.1 VM only.</summary>
public sealed class Lua51OnlyFactAttribute : FactAttribute
{
    public Lua51OnlyFactAttribute()
    {
        if (LuaVm.Active != LuaVmKind.Lua51)
        {
            Skip = "a fact about the Lua 5.1 VM; this run uses " + LuaVm.ActiveName;
        }
    }
}
