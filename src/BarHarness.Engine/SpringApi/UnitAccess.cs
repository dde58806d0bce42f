using BarHarness.Engine.World;

namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Recoil's four read levels for a unit argument (ParseUnit, ParseTypedUnit, ParseInLosUnit,
/// ParseAllyUnit): a non-number id raises "[f] unitID (arg #n) not a number", a unit the local
/// player may not read at that level gives slot -1 (the native then returns nothing).
/// </summary>
internal static class UnitAccess
{
    public static bool Visible(IntPtr l, int index, string function, out EngineApiContext ctx, out int slot) =>
        Read(l, index, function, out ctx, out slot, static (w, s) => w.IsVisibleToLocal(s));

    public static bool Typed(IntPtr l, int index, string function, out EngineApiContext ctx, out int slot) =>
        Read(l, index, function, out ctx, out slot, static (w, s) => w.IsVisibleToLocal(s) && w.IsTypedForLocal(s));

    public static bool InLos(IntPtr l, int index, string function, out EngineApiContext ctx, out int slot) =>
        Read(l, index, function, out ctx, out slot, static (w, s) => w.IsInLocalLos(s));

    public static bool Allied(IntPtr l, int index, string function, out EngineApiContext ctx, out int slot) =>
        Read(l, index, function, out ctx, out slot, static (w, s) => w.IsAlliedToLocal(s));

    public static UnitDef Def(EngineApiContext ctx, int slot) => ctx.World.UnitDefs[ctx.World.Units.DefId[slot]];

    private static bool Read(IntPtr l, int index, string function, out EngineApiContext ctx, out int slot,
        Func<SyntheticWorld, int, bool> readable)
    {
        ctx = NativeArgs.Enter(l);
        slot = -1;
        if (!NativeArgs.UnitId(l, index, function, out var unitId))
        {
            return false;
        }

        var s = ctx.World.Units.Slot(unitId);
        if (s < 0 || !readable(ctx.World, s))
        {
            return false;
        }

        slot = s;
        return true;
    }
}
