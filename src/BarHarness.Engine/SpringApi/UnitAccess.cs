using System.Runtime.CompilerServices;
using BarHarness.Engine.World;

namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Recoil's four read levels for a unit argument (ParseUnit, ParseTypedUnit, ParseInLosUnit,
/// ParseAllyUnit): each counts the call, reads the id (a non-number raises "[f] unitID (arg #n) not a
/// number") and finds the unit's slot; false, for a unit the local player may not read at that level,
/// means the native returns nothing. Inlined: the unit reads are the engine API's hot paths.
/// </summary>
internal static class UnitAccess
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Visible(IntPtr l, int index, string function, out EngineApiContext ctx, out int slot) =>
        Live(l, index, function, out ctx, out slot) && ctx.World.IsVisibleToLocal(slot);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Typed(IntPtr l, int index, string function, out EngineApiContext ctx, out int slot) =>
        Visible(l, index, function, out ctx, out slot) && ctx.World.IsTypedForLocal(slot);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InLos(IntPtr l, int index, string function, out EngineApiContext ctx, out int slot) =>
        Live(l, index, function, out ctx, out slot) && ctx.World.IsInLocalLos(slot);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Allied(IntPtr l, int index, string function, out EngineApiContext ctx, out int slot) =>
        Live(l, index, function, out ctx, out slot) && ctx.World.IsAlliedToLocal(slot);

    /// <summary>Any live unit, readable or not (for natives that apply their own rule).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Live(IntPtr l, int index, string function, out EngineApiContext ctx, out int slot)
    {
        ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, index, function, out var unitId))
        {
            slot = -1;
            return false;
        }

        slot = ctx.World.Units.Slot(unitId);
        return slot >= 0;
    }

    /// <summary>The slot of a unit id already read, when the local player may see it; else -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int VisibleSlot(EngineApiContext ctx, int unitId)
    {
        var s = ctx.World.Units.Slot(unitId);
        return s >= 0 && ctx.World.IsVisibleToLocal(s) ? s : -1;
    }

    /// <summary>The slot of a unit id already read, when the unit is allied to the local player; else -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int AlliedSlot(EngineApiContext ctx, int unitId)
    {
        var s = ctx.World.Units.Slot(unitId);
        return s >= 0 && ctx.World.IsAlliedToLocal(s) ? s : -1;
    }

    public static UnitDef Def(EngineApiContext ctx, int slot) => ctx.World.UnitDefs[ctx.World.Units.DefId[slot]];
}
