namespace BarHarness.Engine.SpringApi;

/// <summary>Recoil's four read levels for a unit argument, and any live unit.</summary>
internal enum UnitReadLevel
{
    /// <summary>Any live unit (for natives that apply their own rule).</summary>
    Live,

    /// <summary>ParseUnit: in LOS or on radar.</summary>
    Visible,

    /// <summary>ParseTypedUnit: visible, and its type known (seen in LOS once).</summary>
    Typed,

    /// <summary>ParseInLosUnit: in LOS (own and allied units always are).</summary>
    InLos,

    /// <summary>ParseAllyUnit: allied to the local player.</summary>
    Allied,
}

/// <summary>
/// Unit arguments read as Recoil's ParseUnit, ParseTypedUnit, ParseInLosUnit and ParseAllyUnit do: each
/// counts the call, reads the id (a non-number raises "[f] unitID (arg #n) not a number") and finds the
/// unit's slot; false, for a unit the local player may not read at that level, means the native returns
/// nothing. Inlined: the unit reads are the engine API's hot paths.
/// </summary>
internal static class UnitAccess
{
    /// <summary>
    /// The unit argument at <paramref name="index"/>, readable by the local player at <paramref name="level"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Read(
        IntPtr l, int index, string function, UnitReadLevel level, out EngineApiContext ctx, out int slot)
    {
        if (!Live(l, index, function, out ctx, out slot))
        {
            return false;
        }

        var world = ctx.World;
        return level switch
        {
            UnitReadLevel.Visible => world.IsVisibleToLocal(slot),
            UnitReadLevel.Typed => world.IsVisibleToLocal(slot) && world.IsTypedForLocal(slot),
            UnitReadLevel.InLos => world.IsInLocalLos(slot),
            UnitReadLevel.Allied => world.IsAlliedToLocal(slot),
            _ => true,
        };
    }

    /// <summary>
    /// The whole body of a native with nothing to answer here (no shields, no paths...): its unit argument
    /// is still checked as Recoil checks it, so a non-number raises.
    /// </summary>
    public static int AnswerNothing(IntPtr l, string function, UnitReadLevel level)
    {
        Read(l, 1, function, level, out _, out _);
        return 0;
    }

    /// <summary>
    /// The whole body of a native that answers one number of the unit's def (radius, mass, max range...), for a
    /// unit readable at <paramref name="level"/>.
    /// </summary>
    public static int AnswerDefNumber(IntPtr l, string function, UnitReadLevel level, Func<UnitDef, float> read)
    {
        if (!Read(l, 1, function, level, out var ctx, out var s))
        {
            return 0;
        }

        return NativeArgs.Answer(l, read(Def(ctx, s)), ctx.Float32);
    }

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
