namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Command descriptions, the buttons of a unit's command menu: stop and wait for all, move, patrol
/// and fight for mobile units, attack for armed ones, repair/reclaim/guard for builders, the state
/// toggles, self-destruct, then one build button per build option (id -unitDefID). The active set is
/// the union over the selection, in that order, as Recoil's GUI builds it.
/// </summary>
internal static unsafe class CommandDescriptionFunctions
{
    private readonly record struct Desc(int Id, int Type, string Name, string Action, int Options = 0);

    /// <summary>GetUnitCmdDescs(unitID) → {cmdDesc, ...} for an allied unit.</summary>
    public static int GetUnitCmdDescs(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, "GetUnitCmdDescs", out var unitId) || AlliedDef(ctx, unitId) is not { } def)
        {
            return 0;
        }

        Push(l, Of(ctx, def));
        return 1;
    }

    /// <summary>FindUnitCmdDesc(unitID, cmdID) → the index of the command in the unit's menu, or nothing.</summary>
    public static int FindUnitCmdDesc(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, "FindUnitCmdDesc", out var unitId)
            || !NativeArgs.CheckInt(l, 2, "FindUnitCmdDesc", out var cmd) || AlliedDef(ctx, unitId) is not { } def)
        {
            return 0;
        }

        var index = Of(ctx, def).FindIndex(d => d.Id == cmd);
        if (index < 0)
        {
            return 0;
        }

        return NativeArgs.Answer(l, index + 1);
    }

    /// <summary>GetActiveCmdDescs() → the command menu of the current selection.</summary>
    public static int GetActiveCmdDescs(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        Push(l, Active(ctx));
        return 1;
    }

    /// <summary>GetActiveCmdDesc(index) → one entry of the selection's menu, or nothing.</summary>
    public static int GetActiveCmdDesc(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, "GetActiveCmdDesc", out var index))
        {
            return 0;
        }

        var active = Active(ctx);
        if (index < 1 || index > active.Count)
        {
            return 0;
        }

        PushOne(l, active[index - 1]);
        return 1;
    }

    /// <summary>GetCmdDescIndex(cmdID) → the index of a command in the selection's menu, or nothing.</summary>
    public static int GetCmdDescIndex(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, "GetCmdDescIndex", out var cmd))
        {
            return 0;
        }

        var index = Active(ctx).FindIndex(d => d.Id == cmd);
        if (index < 0)
        {
            return 0;
        }

        return NativeArgs.Answer(l, index + 1);
    }

    private static UnitDef? AlliedDef(EngineApiContext ctx, int unitId)
    {
        var s = ctx.World.Units.Slot(unitId);
        return s >= 0 && ctx.World.IsAlliedToLocal(s) ? ctx.World.UnitDefs[ctx.World.Units.DefId[s]] : null;
    }

    private static List<Desc> Active(EngineApiContext ctx)
    {
        var all = new List<Desc>();
        var seen = new HashSet<int>();
        foreach (var unitId in ctx.World.Selection.Selected)
        {
            if (AlliedDef(ctx, unitId) is not { } def)
            {
                continue;
            }

            foreach (var d in Of(ctx, def))
            {
                if (seen.Add(d.Id))
                {
                    all.Add(d);
                }
            }
        }

        return all;
    }

    private static List<Desc> Of(EngineApiContext ctx, UnitDef def)
    {
        var list = new List<Desc>
        {
            new(CommandIds.Stop, 0, "Stop", "stop"),
            new(CommandIds.Wait, 0, "Wait", "wait"),
        };
        if (def.IsMobile)
        {
            list.Add(new(CommandIds.Move, 10, "Move", "move"));
            list.Add(new(CommandIds.Patrol, 10, "Patrol", "patrol"));
            list.Add(new(CommandIds.Fight, 10, "Fight", "fight"));
        }

        if (def.WeaponCount > 0)
        {
            list.Add(new(CommandIds.Attack, 13, "Attack", "attack"));
        }

        if (def.IsBuilder)
        {
            list.Add(new(CommandIds.Repair, 16, "Repair", "repair"));
            list.Add(new(CommandIds.Guard, 12, "Guard", "guard"));
        }

        if (def.IsBuilder && def.IsMobile)
        {
            list.Add(new(CommandIds.Reclaim, 19, "Reclaim", "reclaim"));
        }

        list.Add(new(CommandIds.FireState, 5, "Fire state", "firestate", 2));
        list.Add(new(CommandIds.MoveState, 5, "Move state", "movestate", 1));
        list.Add(new(CommandIds.Repeat, 5, "Repeat", "repeat"));
        list.Add(new(CommandIds.SelfDestruct, 0, "Self destruct", "selfd"));
        foreach (var option in def.BuildOptions)
        {
            var built = ctx.World.UnitDefs[option];
            list.Add(new(-option, def.IsFactory ? 0 : 20, built.Name, "buildunit_" + built.Name));
        }

        return list;
    }

    private static void Push(IntPtr l, List<Desc> descs)
    {
        LuaApi.lua_createtable(l, descs.Count, 0);
        for (var i = 0; i < descs.Count; i++)
        {
            PushOne(l, descs[i]);
            LuaApi.lua_rawseti(l, -2, i + 1);
        }
    }

    private static void PushOne(IntPtr l, Desc d)
    {
        LuaApi.lua_createtable(l, 0, 10);
        LuaTables.SetInt(l, "id", d.Id);
        LuaTables.SetInt(l, "type", d.Type);
        LuaApi.PushString(l, d.Name);
        LuaApi.SetField(l, -2, "name");
        LuaApi.PushString(l, d.Action);
        LuaApi.SetField(l, -2, "action");
        LuaApi.PushString(l, d.Name);
        LuaApi.SetField(l, -2, "tooltip");
        LuaApi.PushString(l, string.Empty);
        LuaApi.SetField(l, -2, "texture");
        LuaTables.SetBool(l, "hidden", false);
        LuaTables.SetBool(l, "disabled", false);
        LuaTables.SetBool(l, "showUnique", false);
        LuaApi.lua_createtable(l, 1, 0);
        if (d.Type == 5)
        {
            LuaApi.PushString(l, d.Options.ToString(System.Globalization.CultureInfo.InvariantCulture));
            LuaApi.lua_rawseti(l, -2, 1);
        }

        LuaApi.SetField(l, -2, "params");
    }
}
