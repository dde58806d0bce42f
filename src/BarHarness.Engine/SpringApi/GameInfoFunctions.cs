namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Game-wide facts of a normal multiplayer game as the harness runs it: no cheats, god mode,
/// no-cost or dev Lua; no global LOS; the game's name; start positions; heading and facing
/// conversions (Recoil's heading units: 65536 to a turn, 0 facing +z); the Lua heap.
/// </summary>
internal static unsafe class GameInfoFunctions
{
    public static int IsGodModeEnabled(IntPtr l) => False(l);

    public static int IsNoCostEnabled(IntPtr l) => False(l);

    public static int IsDevLuaEnabled(IntPtr l) => False(l);

    public static int IsEditDefsEnabled(IntPtr l) => False(l);

    /// <summary>GetGlobalLos([allyTeam]) → false: no ally team has global LOS in a normal game.</summary>
    public static int GetGlobalLos(IntPtr l) => False(l);

    public static int GetGameName(IntPtr l) => NativeArgs.ReturnString(l, static ctx => ctx.Options.GameName);

    /// <summary>GetTeamStartPosition(team) → x, y, z, confirmed (true: the game has started).</summary>
    public static int GetTeamStartPosition(IntPtr l)
    {
        if (!NativeArgs.ValidTeam(l, 1, "GetTeamStartPosition", out var ctx, out var team))
        {
            return 0;
        }

        var (x, z) = ctx.World.StartPosition(team);
        NativeArgs.PushFloat(l, x, ctx.Float32);
        NativeArgs.PushFloat(l, ctx.World.Terrain.HeightAt(x, z), ctx.Float32);
        NativeArgs.PushFloat(l, z, ctx.Float32);
        NativeArgs.PushBool(l, true);
        return 4;
    }

    /// <summary>GetTeamLuaAI(team) → "" (no team runs a Lua AI here).</summary>
    public static int GetTeamLuaAI(IntPtr l) =>
        NativeArgs.ValidTeam(l, 1, "GetTeamLuaAI", out _, out _)
            ? NativeArgs.Answer(l, string.Empty)
            : 0;

    /// <summary>GetHeadingFromVector(x, z) → heading.</summary>
    public static int GetHeadingFromVector(IntPtr l)
    {
        NativeArgs.Enter(l);
        if (!NativeArgs.CheckNumbers(l, 1, "GetHeadingFromVector", out var x, out var z))
        {
            return 0;
        }

        var heading = (int)Math.Round(Math.Atan2(x, z) * (32768 / Math.PI));
        return NativeArgs.Answer(l, Math.Clamp(heading, -32768, 32767));
    }

    /// <summary>GetVectorFromHeading(heading) → x, z (a unit vector).</summary>
    public static int GetVectorFromHeading(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckNumber(l, 1, "GetVectorFromHeading", out var h))
        {
            return 0;
        }

        var angle = h * (Math.PI / 32768);
        NativeArgs.PushFloat(l, Math.Sin(angle), ctx.Float32);
        NativeArgs.PushFloat(l, Math.Cos(angle), ctx.Float32);
        return 2;
    }

    /// <summary>GetFacingFromHeading(heading) → 0 south, 1 east, 2 north, 3 west.</summary>
    public static int GetFacingFromHeading(IntPtr l)
    {
        NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, "GetFacingFromHeading", out var h))
        {
            return 0;
        }

        return NativeArgs.Answer(l, (((h + 8192) & 0xFFFF) / 16384) & 3);
    }

    /// <summary>GetHeadingFromFacing(facing) → heading of a build facing.</summary>
    public static int GetHeadingFromFacing(IntPtr l)
    {
        NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, "GetHeadingFromFacing", out var facing))
        {
            return 0;
        }

        return NativeArgs.Answer(l, (short)((facing & 3) * 16384));
    }

    /// <summary>GetLuaMemUsage() → this VM's KB and allocations, then the same for all Lua states.</summary>
    public static int GetLuaMemUsage(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var kb = LuaApi.lua_gc(l, 3, 0) + (LuaApi.lua_gc(l, 4, 0) / 1024.0);
        var allocations = ctx.Runtime.Allocations.Count;
        NativeArgs.PushFloat(l, kb, ctx.Float32);
        NativeArgs.PushInt(l, allocations);
        NativeArgs.PushFloat(l, kb, ctx.Float32);
        NativeArgs.PushInt(l, allocations);
        return 4;
    }

    private static int False(IntPtr l)
    {
        NativeArgs.Enter(l);
        return NativeArgs.Answer(l, false);
    }
}
