namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Per-team unit counts and lists by type, alliances. Recoil answers unit counts only for allied
/// teams (or with full view); for others, and for a team that does not exist, nothing.
/// </summary>
internal static unsafe class TeamUnitFunctions
{
    public static int GetTeamUnitCount(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!ReadableTeam(l, ctx, "GetTeamUnitCount", out var team))
        {
            return 0;
        }

        return NativeArgs.Answer(l, ctx.World.UnitCountOfTeam(team));
    }

    /// <summary>GetTeamUnitsCounts(team) → {[unitDefID] = count}.</summary>
    public static int GetTeamUnitsCounts(IntPtr l) =>
        PushByDef(l, "GetTeamUnitsCounts", static (l, ids) => NativeArgs.PushInt(l, ids.Count));

    /// <summary>GetTeamUnitsSorted(team) → {[unitDefID] = {unitID, ...}}.</summary>
    public static int GetTeamUnitsSorted(IntPtr l) =>
        PushByDef(l, "GetTeamUnitsSorted", static (l, ids) => NativeArgs.PushIntList(l, ids.ToArray()));

    public static int GetTeamUnitDefCount(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!ReadableTeam(l, ctx, "GetTeamUnitDefCount", out var team)
            || !NativeArgs.CheckInt(l, 2, "GetTeamUnitDefCount", out var def))
        {
            return 0;
        }

        return NativeArgs.Answer(l, ByDef(ctx, team).GetValueOrDefault(def)?.Count ?? 0);
    }

    /// <summary>GetTeamUnitsByDefs(team, unitDefID | {unitDefID, ...}) → {unitID, ...}.</summary>
    public static int GetTeamUnitsByDefs(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!ReadableTeam(l, ctx, "GetTeamUnitsByDefs", out var team))
        {
            return 0;
        }

        var wanted = LuaTables.NumberArray(l, 2).Select(d => (int)d).ToHashSet();
        var byDef = ByDef(ctx, team);
        var ids = byDef.Where(p => wanted.Contains(p.Key)).SelectMany(p => p.Value).Order().ToArray();
        NativeArgs.PushIntList(l, ids);
        return 1;
    }

    public static int GetTeamAllyTeamID(IntPtr l) =>
        NativeArgs.ValidTeam(l, 1, "GetTeamAllyTeamID", out var ctx, out var team)
            ? NativeArgs.Answer(l, ctx.World.Roster.AllyTeamOf(team))
            : 0;

    public static int AreTeamsAllied(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var roster = ctx.World.Roster;
        if (!NativeArgs.CheckInt(l, 1, "AreTeamsAllied", out var a)
            || !NativeArgs.CheckInt(l, 2, "AreTeamsAllied", out var b)
            || !roster.IsValidTeam(a) || !roster.IsValidTeam(b))
        {
            return 0;
        }

        return NativeArgs.Answer(l, roster.AllyTeamOf(a) == roster.AllyTeamOf(b));
    }

    public static int ArePlayersAllied(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var players = ctx.World.Roster.Players;
        if (!NativeArgs.CheckInt(l, 1, "ArePlayersAllied", out var a)
            || !NativeArgs.CheckInt(l, 2, "ArePlayersAllied", out var b)
            || (uint)a >= (uint)players.Count || (uint)b >= (uint)players.Count)
        {
            return 0;
        }

        return NativeArgs.Answer(l, players[a].AllyTeamId == players[b].AllyTeamId);
    }

    /// <summary>GetTeamMaxUnits(team) → the unit limit per team and the team's units now.</summary>
    public static int GetTeamMaxUnits(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!ReadableTeam(l, ctx, "GetTeamMaxUnits", out var team))
        {
            return 0;
        }

        NativeArgs.PushInt(l, ctx.World.Setup.MaxUnits);
        NativeArgs.PushInt(l, ctx.World.UnitCountOfTeam(team));
        return 2;
    }

    private static bool ReadableTeam(IntPtr l, EngineApiContext ctx, string function, out int team)
    {
        return NativeArgs.ValidTeam(l, 1, function, ctx, out team)
            && ctx.World.CanRead(ctx.World.Roster.AllyTeamOf(team));
    }

    /// <summary>
    /// A readable team's units as a table keyed by unit def id, each value pushed by <paramref name="push"/>.
    /// </summary>
    private static int PushByDef(IntPtr l, string function, Action<IntPtr, List<int>> push)
    {
        var ctx = NativeArgs.Enter(l);
        if (!ReadableTeam(l, ctx, function, out var team))
        {
            return 0;
        }

        var byDef = ByDef(ctx, team);
        LuaApi.lua_createtable(l, 0, byDef.Count);
        foreach (var (def, ids) in byDef)
        {
            push(l, ids);
            LuaApi.lua_rawseti(l, -2, def);
        }

        return 1;
    }

    private static SortedDictionary<int, List<int>> ByDef(EngineApiContext ctx, int team)
    {
        var byDef = new SortedDictionary<int, List<int>>();
        var u = ctx.World.Units;
        for (var s = 0; s < u.Count; s++)
        {
            if (u.Team[s] != team)
            {
                continue;
            }

            if (!byDef.TryGetValue(u.DefId[s], out var list))
            {
                list = new List<int>();
                byDef[u.DefId[s]] = list;
            }

            list.Add(u.IdAt[s]);
        }

        foreach (var list in byDef.Values)
        {
            list.Sort();
        }

        return byDef;
    }
}
