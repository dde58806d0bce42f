namespace BarHarness.Engine.SpringApi;

/// <summary>
/// The local player's selection and control groups. Selecting keeps only units the player may
/// select (its team's, or any with full view), in the order given; a selection that changed makes the
/// simulation fire CommandsChanged (and BAR's handler SelectionChanged) on the next draw frame.
/// </summary>
internal static unsafe class SelectionFunctions
{
    public static int GetSelectedUnits(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var selected = ctx.World.Selection.Selected;
        var buffer = ctx.UnitBuffer(selected.Count);
        for (var i = 0; i < selected.Count; i++)
        {
            buffer[i] = selected[i];
        }

        NativeArgs.PushIntList(l, buffer.AsSpan(0, selected.Count));
        return 1;
    }

    public static int GetSelectedUnitsCount(IntPtr l) =>
        NativeArgs.ReturnInt(l, static ctx => ctx.World.Selection.Selected.Count);

    /// <summary>GetSelectedUnitsSorted() → {[unitDefID] = {unitID, ...}}, number of unit defs.</summary>
    public static int GetSelectedUnitsSorted(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var byDef = ByDef(ctx);
        LuaApi.lua_createtable(l, 0, byDef.Count);
        foreach (var (def, ids) in byDef)
        {
            NativeArgs.PushIntList(l, ids.ToArray());
            LuaApi.lua_rawseti(l, -2, def);
        }

        NativeArgs.PushInt(l, byDef.Count);
        return 2;
    }

    /// <summary>GetSelectedUnitsCounts() → {[unitDefID] = count}, number of unit defs.</summary>
    public static int GetSelectedUnitsCounts(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var byDef = ByDef(ctx);
        LuaApi.lua_createtable(l, 0, byDef.Count);
        foreach (var (def, ids) in byDef)
        {
            NativeArgs.PushInt(l, ids.Count);
            LuaApi.lua_rawseti(l, -2, def);
        }

        NativeArgs.PushInt(l, byDef.Count);
        return 2;
    }

    public static int SelectUnitArray(IntPtr l) => Select(l, "SelectUnitArray", keys: false);

    public static int SelectUnitMap(IntPtr l) => Select(l, "SelectUnitMap", keys: true);

    /// <summary>SelectUnit(unitID or nil, [append]): nil with no append clears the selection.</summary>
    public static int SelectUnit(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var append = NativeArgs.OptBool(l, 2, false);
        if (LuaApi.lua_type(l, 1) <= LuaApi.LUA_TNIL)
        {
            ctx.World.Selection.Select([], append);
            return 0;
        }

        if (!NativeArgs.UnitId(l, 1, "SelectUnit", out var unitId))
        {
            return 0;
        }

        ctx.World.Selection.Select([unitId], append);
        return 0;
    }

    public static int IsUnitSelected(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, "IsUnitSelected", out var unitId) || !ctx.World.Units.IsAlive(unitId))
        {
            return 0;
        }

        return NativeArgs.Answer(l, ctx.World.Selection.IsSelected(unitId));
    }

    public static int GetUnitGroup(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, "GetUnitGroup", out var unitId))
        {
            return 0;
        }

        var group = ctx.World.Selection.GroupOf(unitId);
        if (group < 0 || !ctx.World.Units.IsAlive(unitId))
        {
            return 0;
        }

        return NativeArgs.Answer(l, group);
    }

    public static int SetUnitGroup(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, "SetUnitGroup", out var unitId)
            || !NativeArgs.CheckInt(l, 2, "SetUnitGroup", out var group))
        {
            return 0;
        }

        ctx.World.Selection.SetGroup(unitId, group);
        return 0;
    }

    /// <summary>GetGroupList() → {[groupID] = unit count} for groups with units.</summary>
    public static int GetGroupList(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var sizes = ctx.World.Selection.GroupSizes();
        LuaApi.lua_createtable(l, 0, sizes.Count);
        foreach (var (group, count) in sizes)
        {
            NativeArgs.PushInt(l, count);
            LuaApi.lua_rawseti(l, -2, group);
        }

        return 1;
    }

    public static int GetGroupUnits(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, "GetGroupUnits", out var group))
        {
            return 0;
        }

        NativeArgs.PushIntList(l, ctx.World.Selection.GroupUnits(group).ToArray());
        return 1;
    }

    public static int GetGroupUnitsCount(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, "GetGroupUnitsCount", out var group))
        {
            return 0;
        }

        return NativeArgs.Answer(l, ctx.World.Selection.GroupUnits(group).Count);
    }

    private static SortedDictionary<int, List<int>> ByDef(EngineApiContext ctx)
    {
        var byDef = new SortedDictionary<int, List<int>>();
        foreach (var id in ctx.World.Selection.Selected)
        {
            var def = ctx.World.TrueDefOf(id);
            if (!byDef.TryGetValue(def, out var list))
            {
                list = new List<int>();
                byDef[def] = list;
            }

            list.Add(id);
        }

        return byDef;
    }

    private static int Select(IntPtr l, string function, bool keys)
    {
        var ctx = NativeArgs.Enter(l);
        if (LuaApi.lua_type(l, 1) != LuaApi.LUA_TTABLE)
        {
            return LuaHost.Runtime.LuaRuntime.RaiseError(l, $"bad argument #1 to '{function}' (table expected, got "
                + LuaApi.TypeName(LuaApi.lua_type(l, 1)) + ")", function);
        }

        var ids = keys ? LuaTables.UnitIds(l, 1, keys: true) : ArrayInOrder(l);
        ctx.World.Selection.Select(ids, NativeArgs.OptBool(l, 2, false));
        return 0;
    }

    private static List<int> ArrayInOrder(IntPtr l)
    {
        var ids = new List<int>();
        for (var i = 1; ; i++)
        {
            LuaApi.lua_rawgeti(l, 1, i);
            if (LuaApi.lua_type(l, -1) != LuaApi.LUA_TNUMBER)
            {
                LuaApi.Pop(l, 1);
                return ids;
            }

            ids.Add((int)LuaApi.ToNumber(l, -1, out _));
            LuaApi.Pop(l, 1);
        }
    }
}
