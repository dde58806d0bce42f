namespace BarHarness.Engine.SpringApi;

/// <summary>Players, spectators and the local player's identity.</summary>
internal static unsafe class PlayerFunctions
{
    public static int GetPlayerList(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        // Both arguments are optional and may come in either order of presence: (teamID), (active), (teamID, active).
        var team = -1;
        var activeOnly = false;
        if (LuaApi.lua_type(l, 1) == LuaApi.LUA_TNUMBER)
        {
            team = NativeArgs.OptInt(l, 1, -1);
            activeOnly = NativeArgs.OptBool(l, 2, false);
        }
        else if (LuaApi.lua_type(l, 1) == LuaApi.LUA_TBOOLEAN)
        {
            activeOnly = LuaApi.lua_toboolean(l, 1) != 0;
        }

        var players = ctx.World.Roster.Players;
        LuaApi.lua_createtable(l, players.Count, 0);
        var n = 0;
        foreach (var p in players)
        {
            if ((team < 0 || (p.TeamId == team && !p.IsSpectator)) && (!activeOnly || p.Active))
            {
                NativeArgs.PushInt(l, p.PlayerId);
                LuaApi.lua_rawseti(l, -2, ++n);
            }
        }

        return 1;
    }

    public static int GetPlayerInfo(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.ValidPlayer(l, 1, "GetPlayerInfo", ctx, out var playerId))
        {
            return 0;
        }

        var p = ctx.World.Roster.Players[playerId];
        var withOpts = NativeArgs.OptBool(l, 2, true); // read before pushing results over the argument slots
        LuaApi.PushString(l, p.Name);
        NativeArgs.PushBool(l, p.Active);
        NativeArgs.PushBool(l, p.IsSpectator);
        NativeArgs.PushInt(l, p.TeamId);
        NativeArgs.PushInt(l, p.AllyTeamId);
        NativeArgs.PushFloat(l, p.PingSeconds, ctx.Float32);
        NativeArgs.PushFloat(l, p.CpuUsage, ctx.Float32);
        LuaApi.PushString(l, p.Country);
        NativeArgs.PushInt(l, p.Rank);
        NativeArgs.PushBool(l, false); // hasSkirmishAIsInTeam
        var pushed = 10 + NativeArgs.PushCustomKeys(l, withOpts);
        NativeArgs.PushBool(l, false); // desynced
        return pushed + 1;
    }

    public static int GetLocalPlayerID(IntPtr l) => NativeArgs.ReturnInt(l, static ctx => ctx.World.LocalPlayerId);

    public static int GetLocalTeamID(IntPtr l) => NativeArgs.ReturnInt(l, static ctx => ctx.World.LocalTeamId);

    public static int GetLocalAllyTeamID(IntPtr l) => NativeArgs.ReturnInt(l, static ctx => ctx.World.LocalAllyTeamId);

    public static int GetSpectatingState(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        NativeArgs.PushBool(l, ctx.World.LocalIsSpectator);
        NativeArgs.PushBool(l, ctx.World.LocalHasFullView);
        NativeArgs.PushBool(l, ctx.World.LocalHasFullView); // fullSelect follows fullView for spectators
        return 3;
    }
}
