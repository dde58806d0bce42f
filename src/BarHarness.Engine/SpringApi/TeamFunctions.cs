namespace BarHarness.Engine.SpringApi;

/// <summary>Teams and ally teams. Gaia is listed as the last team; resources of enemy teams stay hidden unless
/// spectating with full view.</summary>
internal static unsafe class TeamFunctions
{
    public static int GetTeamList(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var roster = ctx.World.Roster;
        var allyTeam = -1;
        if (LuaApi.lua_type(l, 1) > LuaApi.LUA_TNIL)
        {
            if (!NativeArgs.CheckInt(l, 1, "GetTeamList", out allyTeam))
            {
                return 0;
            }

            if (allyTeam < 0 || allyTeam >= roster.AllyTeamCount)
            {
                return 0;
            }
        }

        LuaApi.lua_createtable(l, roster.Teams.Count, 0);
        var n = 0;
        foreach (var team in roster.Teams)
        {
            if (allyTeam < 0 || team.AllyTeamId == allyTeam)
            {
                NativeArgs.PushInt(l, team.TeamId);
                LuaApi.lua_rawseti(l, -2, ++n);
            }
        }

        return 1;
    }

    public static int GetAllyTeamList(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var count = ctx.World.Roster.AllyTeamCount;
        LuaApi.lua_createtable(l, count, 0);
        for (var a = 0; a < count; a++)
        {
            NativeArgs.PushInt(l, a);
            LuaApi.lua_rawseti(l, -2, a + 1);
        }

        return 1;
    }

    public static int GetGaiaTeamID(IntPtr l) => NativeArgs.ReturnInt(l, static ctx => ctx.World.Roster.GaiaTeamId);

    public static int GetTeamInfo(IntPtr l)
    {
        if (!NativeArgs.ValidTeam(l, 1, "GetTeamInfo", out var ctx, out var teamId))
        {
            return 0;
        }

        var team = ctx.World.Roster.Teams[teamId];
        var withKeys = NativeArgs.OptBool(l, 2, true); // read before pushing results over the argument slots
        NativeArgs.PushInt(l, team.TeamId);
        NativeArgs.PushInt(l, team.LeaderPlayerId);
        NativeArgs.PushBool(l, team.IsDead);
        NativeArgs.PushBool(l, team.HasAI);
        LuaApi.PushString(l, team.Side);
        NativeArgs.PushInt(l, team.AllyTeamId);
        NativeArgs.PushFloat(l, team.IncomeMultiplier, ctx.Float32);
        return 7 + NativeArgs.PushCustomKeys(l, withKeys);
    }

    public static int GetTeamResources(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, "GetTeamResources", out var teamId)
            || !NativeArgs.CheckString(l, 2, "GetTeamResources", out var type))
        {
            return 0;
        }

        var w = ctx.World;
        if (!w.Roster.IsValidTeam(teamId) || !w.CanRead(w.Roster.AllyTeamOf(teamId)))
        {
            return 0;
        }

        ResourceKind kind;
        if (type == "metal")
        {
            kind = ResourceKind.Metal;
        }
        else if (type == "energy")
        {
            kind = ResourceKind.Energy;
        }
        else
        {
            return 0;
        }

        var r = w.Economy.Get(teamId, kind);
        var f32 = ctx.Float32;
        NativeArgs.PushFloat(l, r.Current, f32);
        NativeArgs.PushFloat(l, r.Storage, f32);
        NativeArgs.PushFloat(l, r.Pull, f32);
        NativeArgs.PushFloat(l, r.Income, f32);
        NativeArgs.PushFloat(l, r.Expense, f32);
        NativeArgs.PushFloat(l, r.Share, f32);
        NativeArgs.PushFloat(l, r.Sent, f32);
        NativeArgs.PushFloat(l, r.Received, f32);
        NativeArgs.PushFloat(l, r.Excess, f32);
        return 9;
    }

    public static int GetTeamColor(IntPtr l)
    {
        if (!NativeArgs.ValidTeam(l, 1, "GetTeamColor", out var ctx, out var teamId))
        {
            return 0;
        }

        var c = ctx.World.Roster.Teams[teamId].Color;
        FeatureFunctions.PushVector(l, ctx, c.R, c.G, c.B);
        NativeArgs.PushFloat(l, c.A, ctx.Float32);
        return 4;
    }

    /// <summary>Stats are recorded every 16 game seconds from frame 0, as Recoil's team statistics.</summary>
    public static int GetTeamStatsHistory(IntPtr l)
    {
        if (!NativeArgs.ValidTeam(l, 1, "GetTeamStatsHistory", out var ctx, out var teamId))
        {
            return 0;
        }

        var w = ctx.World;
        if (!w.CanRead(w.Roster.AllyTeamOf(teamId)))
        {
            return 0;
        }

        var count = 1 + (w.Frame / (16 * GameClock.FramesPerSecond));
        if (LuaApi.lua_type(l, 2) <= LuaApi.LUA_TNIL)
        {
            return NativeArgs.Answer(l, count);
        }

        var start = Math.Clamp(NativeArgs.OptInt(l, 2, 1), 1, count);
        var end = Math.Clamp(NativeArgs.OptInt(l, 3, start), start, count);
        LuaApi.lua_createtable(l, end - start + 1, 0);
        for (var i = start; i <= end; i++)
        {
            LuaApi.lua_createtable(l, 0, 2);
            NativeArgs.PushInt(l, (i - 1) * 16);
            LuaApi.SetField(l, -2, "time");
            NativeArgs.PushInt(l, (i - 1) * 16 * GameClock.FramesPerSecond);
            LuaApi.SetField(l, -2, "frame");
            LuaApi.lua_rawseti(l, -2, i - start + 1);
        }

        return 1;
    }
}
