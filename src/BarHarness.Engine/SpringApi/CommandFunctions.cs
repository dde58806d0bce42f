namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Orders and command queues. An order from LuaUI is a player's order: it needs a player who is not
/// spectating and a unit of the player's team, and takes effect at the next sim frame (it travels
/// through the network in Recoil). Queues are readable for allied units only; GetUnitCommands and
/// GetFactoryCommands with a count of 0 answer the queue length instead of a table.
/// </summary>
internal static unsafe class CommandFunctions
{
    public static int GiveOrderToUnit(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, "GiveOrderToUnit", out var unitId)
            || !NativeArgs.CheckInt(l, 2, "GiveOrderToUnit", out var cmd))
        {
            return 0;
        }

        return NativeArgs.Answer(l, Order(ctx, unitId, cmd, LuaTables.NumberArray(l, 3), LuaTables.Options(l, 4)));
    }

    public static int GiveOrderToUnitArray(IntPtr l) => OrderMany(l, "GiveOrderToUnitArray", keys: false);

    public static int GiveOrderToUnitMap(IntPtr l) => OrderMany(l, "GiveOrderToUnitMap", keys: true);

    /// <summary>GiveOrder(cmdID, params, options): an order to the selected units.</summary>
    public static int GiveOrder(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, "GiveOrder", out var cmd))
        {
            return 0;
        }

        var parameters = LuaTables.NumberArray(l, 2);
        var options = LuaTables.Options(l, 3);
        var any = false;
        foreach (var id in ctx.World.Selection.Selected.ToArray())
        {
            any |= Order(ctx, id, cmd, parameters, options);
        }

        return NativeArgs.Answer(l, any);
    }

    /// <summary>GiveOrderArrayToUnit(unitID, {{cmdID, params, options}, ...}).</summary>
    public static int GiveOrderArrayToUnit(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, "GiveOrderArrayToUnit", out var unitId))
        {
            return 0;
        }

        var given = false;
        if (LuaApi.lua_type(l, 2) == LuaApi.LUA_TTABLE)
        {
            for (var i = 1; ; i++)
            {
                LuaApi.lua_rawgeti(l, 2, i);
                if (LuaApi.lua_type(l, -1) != LuaApi.LUA_TTABLE)
                {
                    LuaApi.Pop(l, 1);
                    break;
                }

                LuaApi.lua_rawgeti(l, -1, 1);
                LuaApi.lua_rawgeti(l, -2, 2);
                LuaApi.lua_rawgeti(l, -3, 3);
                if (NativeArgs.TryInt(l, -3, out var cmd))
                {
                    given |= Order(ctx, unitId, cmd, LuaTables.NumberArray(l, -2), LuaTables.Options(l, -1));
                }

                LuaApi.Pop(l, 4);
            }
        }

        return NativeArgs.Answer(l, given);
    }

    public static int GetUnitCommands(IntPtr l) => PushQueue(l, "GetUnitCommands", factory: false);

    public static int GetCommandQueue(IntPtr l) => PushQueue(l, "GetCommandQueue", factory: false);

    public static int GetFactoryCommands(IntPtr l) => PushQueue(l, "GetFactoryCommands", factory: true);

    public static int GetUnitCommandCount(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, "GetUnitCommandCount", out var unitId) || UnitAccess.AlliedSlot(ctx, unitId) < 0)
        {
            return 0;
        }

        return NativeArgs.Answer(l, ctx.World.Commands.Commands(unitId).Count);
    }

    /// <summary>GetUnitCurrentCommand(unitID, [index=1]) → cmdID, options (coded), tag, params...</summary>
    public static int GetUnitCurrentCommand(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, "GetUnitCurrentCommand", out var unitId) || UnitAccess.AlliedSlot(ctx, unitId) < 0)
        {
            return 0;
        }

        var queue = ctx.World.Commands.Commands(unitId);
        var index = NativeArgs.OptInt(l, 2, 1);
        if (index < 1 || index > queue.Count)
        {
            return 0;
        }

        var c = queue[index - 1];
        NativeArgs.PushInt(l, c.Id);
        NativeArgs.PushInt(l, (int)c.Options);
        NativeArgs.PushInt(l, c.Tag);
        foreach (var p in c.Params)
        {
            NativeArgs.PushFloat(l, p, ctx.Float32);
        }

        return 3 + c.Params.Length;
    }

    /// <summary>
    /// GetActiveCommand() → the GUI's active command index; -1 as no command is armed in the harness.
    /// </summary>
    public static int GetActiveCommand(IntPtr l) => NativeArgs.ReturnInt(l, static _ => -1);

    /// <summary>
    /// GetUnitStates(unitID) → {firestate, movestate, repeat, cloak, active, trajectory, autoland}.
    /// </summary>
    public static int GetUnitStates(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, "GetUnitStates", out var unitId) || UnitAccess.AlliedSlot(ctx, unitId) < 0)
        {
            return 0;
        }

        var st = ctx.World.Commands.States.Get(unitId);
        LuaApi.lua_createtable(l, 0, 7);
        LuaTables.SetInt(l, "firestate", st.FireState);
        LuaTables.SetInt(l, "movestate", st.MoveState);
        LuaTables.SetBool(l, "repeat", st.Repeat);
        LuaTables.SetBool(l, "cloak", st.Cloak);
        LuaTables.SetBool(l, "active", st.Active);
        LuaTables.SetBool(l, "trajectory", st.Trajectory);
        LuaTables.SetBool(l, "autoland", st.AutoLand);
        return 1;
    }

    public static int GetUnitSelfDTime(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, "GetUnitSelfDTime", out var unitId) || UnitAccess.AlliedSlot(ctx, unitId) < 0)
        {
            return 0;
        }

        return NativeArgs.Answer(l, ctx.World.Commands.SelfDestruct.Countdown(unitId));
    }

    internal static bool Order(EngineApiContext ctx, int unitId, int cmd, double[] parameters, CommandOptions options)
    {
        var w = ctx.World;
        var s = w.Units.Slot(unitId);
        if (s < 0 || w.LocalIsSpectator || w.Units.Team[s] != w.LocalTeamId)
        {
            return false;
        }

        return w.Commands.Give(unitId, cmd, parameters, options, w.LocalPlayerId);
    }

    private static int OrderMany(IntPtr l, string function, bool keys)
    {
        var ctx = NativeArgs.Enter(l);
        if (LuaApi.lua_type(l, 1) != LuaApi.LUA_TTABLE)
        {
            LuaRuntime.RaiseError(l, $"bad argument #1 to '{function}' (table expected, got "
                + LuaApi.TypeName(LuaApi.lua_type(l, 1)) + ")", function);
            return 0;
        }

        if (!NativeArgs.CheckInt(l, 2, function, out var cmd))
        {
            return 0;
        }

        var parameters = LuaTables.NumberArray(l, 3);
        var options = LuaTables.Options(l, 4);
        var any = false;
        foreach (var id in LuaTables.UnitIds(l, 1, keys))
        {
            any |= Order(ctx, id, cmd, parameters, options);
        }

        return NativeArgs.Answer(l, any);
    }

    private static int PushQueue(IntPtr l, string function, bool factory)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, function, out var unitId) || UnitAccess.AlliedSlot(ctx, unitId) < 0)
        {
            return 0;
        }

        var w = ctx.World;
        if (factory && !w.UnitDefs[w.TrueDefOf(unitId)].IsFactory)
        {
            return 0;
        }

        var queue = factory ? w.Commands.FactoryCommands(unitId) : w.Commands.Commands(unitId);
        var count = NativeArgs.OptInt(l, 2, -1);
        if (count == 0)
        {
            return NativeArgs.Answer(l, queue.Count);
        }

        var n = count < 0 ? queue.Count : Math.Min(count, queue.Count);
        LuaApi.lua_createtable(l, n, 0);
        for (var i = 0; i < n; i++)
        {
            LuaTables.PushCommand(l, queue[i], ctx.Float32);
            LuaApi.lua_rawseti(l, -2, i + 1);
        }

        return 1;
    }
}
