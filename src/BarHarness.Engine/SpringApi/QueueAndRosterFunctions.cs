namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Factory queue summaries (counts, runs of the same type), deselection, group contents by type,
/// the player roster, ally-team info, original team colours and the minimap hit test.
/// </summary>
internal static unsafe class QueueAndRosterFunctions
{
    /// <summary>GetFactoryCommandCount(factory) → queued build orders; nothing for a non-factory or enemy.</summary>
    public static int GetFactoryCommandCount(IntPtr l)
    {
        if (!AlliedFactory(l, "GetFactoryCommandCount", out var ctx, out var unitId))
        {
            return 0;
        }

        return NativeArgs.Answer(l, ctx.World.Commands.FactoryCommands(unitId).Count);
    }

    /// <summary>GetFactoryCounts(factory, [count=-1]) → {[unitDefID] = queued count}.</summary>
    public static int GetFactoryCounts(IntPtr l)
    {
        if (!AlliedFactory(l, "GetFactoryCounts", out var ctx, out var unitId))
        {
            return 0;
        }

        var queue = ctx.World.Commands.FactoryCommands(unitId);
        var take = NativeArgs.OptInt(l, 2, -1);
        var counts = new SortedDictionary<int, int>();
        foreach (var c in take < 0 ? queue : queue.Take(take))
        {
            counts[-c.Id] = counts.GetValueOrDefault(-c.Id) + 1;
        }

        LuaApi.lua_createtable(l, 0, counts.Count);
        foreach (var (def, n) in counts)
        {
            NativeArgs.PushInt(l, n);
            LuaApi.lua_rawseti(l, -2, def);
        }

        return 1;
    }

    /// <summary>GetFullBuildQueue(factory) → runs of the queue: {{[unitDefID] = count}, ...}.</summary>
    public static int GetFullBuildQueue(IntPtr l) => Runs(l, "GetFullBuildQueue");

    /// <summary>GetRealBuildQueue(factory) → the same runs (no repeat-only entries are kept apart here).</summary>
    public static int GetRealBuildQueue(IntPtr l) => Runs(l, "GetRealBuildQueue");

    public static int DeselectUnit(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, "DeselectUnit", out var unitId))
        {
            return 0;
        }

        ctx.World.Selection.Deselect([unitId]);
        return 0;
    }

    public static int DeselectUnitArray(IntPtr l) => Deselect(l, "DeselectUnitArray", keys: false);

    public static int DeselectUnitMap(IntPtr l) => Deselect(l, "DeselectUnitMap", keys: true);

    /// <summary>GetGroupUnitsSorted(group) → {[unitDefID] = {unitID, ...}}.</summary>
    public static int GetGroupUnitsSorted(IntPtr l) => GroupByDef(l, "GetGroupUnitsSorted", lists: true);

    /// <summary>GetGroupUnitsCounts(group) → {[unitDefID] = count}.</summary>
    public static int GetGroupUnitsCounts(IntPtr l) => GroupByDef(l, "GetGroupUnitsCounts", lists: false);

    /// <summary>GetPlayerRoster() → {{name, playerID, teamID, allyTeamID, spectator, cpu, ping}, ...}.</summary>
    public static int GetPlayerRoster(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var players = ctx.World.Roster.Players;
        LuaApi.lua_createtable(l, players.Count, 0);
        for (var i = 0; i < players.Count; i++)
        {
            var p = players[i];
            LuaApi.lua_createtable(l, 7, 0);
            LuaApi.PushString(l, p.Name);
            LuaApi.lua_rawseti(l, -2, 1);
            NativeArgs.PushInt(l, p.PlayerId);
            LuaApi.lua_rawseti(l, -2, 2);
            NativeArgs.PushInt(l, p.TeamId);
            LuaApi.lua_rawseti(l, -2, 3);
            NativeArgs.PushInt(l, p.AllyTeamId);
            LuaApi.lua_rawseti(l, -2, 4);
            NativeArgs.PushBool(l, p.IsSpectator);
            LuaApi.lua_rawseti(l, -2, 5);
            NativeArgs.PushFloat(l, p.CpuUsage, ctx.Float32);
            LuaApi.lua_rawseti(l, -2, 6);
            NativeArgs.PushFloat(l, p.PingSeconds, ctx.Float32);
            LuaApi.lua_rawseti(l, -2, 7);
            LuaApi.lua_rawseti(l, -2, i + 1);
        }

        return 1;
    }

    /// <summary>GetAllyTeamInfo(allyTeam) → its custom keys ({} here); nothing for no such ally team.</summary>
    public static int GetAllyTeamInfo(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, "GetAllyTeamInfo", out var ally) || ally < 0
            || ally >= ctx.World.Roster.AllyTeamCount)
        {
            return 0;
        }

        LuaApi.lua_createtable(l, 0, 0);
        return 1;
    }

    /// <summary>GetTeamOrigColor(team) → r, g, b, a the team started with.</summary>
    public static int GetTeamOrigColor(IntPtr l) => TeamFunctions.GetTeamColor(l);

    /// <summary>IsAboveMiniMap(x, y) → whether a screen point is on the minimap.</summary>
    public static int IsAboveMiniMap(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckNumbers(l, 1, "IsAboveMiniMap", out var x, out var y))
        {
            return 0;
        }

        var top = ctx.ViewSize.Y;
        var bottom = top - 320;
        return NativeArgs.Answer(l, x >= 0 && x <= 320 && y >= bottom && y <= top);
    }

    private static int Runs(IntPtr l, string function)
    {
        if (!AlliedFactory(l, function, out var ctx, out var unitId))
        {
            return 0;
        }

        var runs = new List<(int Def, int Count)>();
        foreach (var c in ctx.World.Commands.FactoryCommands(unitId))
        {
            if (runs.Count > 0 && runs[^1].Def == -c.Id)
            {
                runs[^1] = (runs[^1].Def, runs[^1].Count + 1);
            }
            else
            {
                runs.Add((-c.Id, 1));
            }
        }

        LuaApi.lua_createtable(l, runs.Count, 0);
        for (var i = 0; i < runs.Count; i++)
        {
            LuaApi.lua_createtable(l, 0, 1);
            NativeArgs.PushInt(l, runs[i].Count);
            LuaApi.lua_rawseti(l, -2, runs[i].Def);
            LuaApi.lua_rawseti(l, -2, i + 1);
        }

        return 1;
    }

    private static bool AlliedFactory(IntPtr l, string function, out EngineApiContext ctx, out int unitId)
    {
        var allied = UnitAccess.Read(l, 1, function, UnitReadLevel.Allied, out ctx, out var s);
        unitId = allied ? ctx.World.Units.IdAt[s] : 0;
        return allied && UnitAccess.Def(ctx, s).IsFactory;
    }

    private static int Deselect(IntPtr l, string function, bool keys)
    {
        var ctx = NativeArgs.Enter(l);
        if (LuaApi.lua_type(l, 1) != LuaApi.LUA_TTABLE)
        {
            return LuaRuntime.RaiseError(l, $"bad argument #1 to '{function}' (table expected, got "
                + LuaApi.TypeName(LuaApi.lua_type(l, 1)) + ")", function);
        }

        ctx.World.Selection.Deselect(LuaTables.UnitIds(l, 1, keys));
        return 0;
    }

    private static int GroupByDef(IntPtr l, string function, bool lists)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, function, out var group))
        {
            return 0;
        }

        var byDef = new SortedDictionary<int, List<int>>();
        foreach (var id in ctx.World.Selection.GroupUnits(group))
        {
            var def = ctx.World.TrueDefOf(id);
            if (!byDef.TryGetValue(def, out var list))
            {
                list = new List<int>();
                byDef[def] = list;
            }

            list.Add(id);
        }

        LuaApi.lua_createtable(l, 0, byDef.Count);
        foreach (var (def, ids) in byDef)
        {
            if (lists)
            {
                NativeArgs.PushIntList(l, ids.ToArray());
            }
            else
            {
                NativeArgs.PushInt(l, ids.Count);
            }

            LuaApi.lua_rawseti(l, -2, def);
        }

        return 1;
    }
}
