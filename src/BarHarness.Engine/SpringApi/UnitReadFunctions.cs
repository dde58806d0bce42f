namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Per-unit reads. Each follows the access rule Recoil uses for it: "visible" (allied, in LOS or a
/// radar blip), "in LOS" or "allied"; a unit that does not exist or fails the rule gives no values,
/// and a non-number id raises. Reads are two array look-ups by slot; nothing is allocated.
/// </summary>
internal static unsafe class UnitReadFunctions
{
    /// <summary>Slot of a unit the local player can see (LOS or radar), or -1.</summary>

    public static int GetUnitPosition(IntPtr l) =>
        UnitAccess.Read(l, 1, "GetUnitPosition", UnitReadLevel.Visible, out var ctx, out var s)
            ? PushPosition(l, ctx, s)
            : 0;

    public static int GetUnitBasePosition(IntPtr l) =>
        UnitAccess.Read(l, 1, "GetUnitBasePosition", UnitReadLevel.Visible, out var ctx, out var s)
            ? PushPosition(l, ctx, s)
            : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PushPosition(IntPtr l, EngineApiContext ctx, int s)
    {
        var w = ctx.World;
        // Read the flags before pushing: pushed results take the stack slots above the arguments.
        var wantMid = NativeArgs.OptBool(l, 2, false);
        var wantAim = NativeArgs.OptBool(l, 3, false);
        var u = w.Units;
        float x = u.X[s], y = u.Y[s], z = u.Z[s];
        if (!w.IsInLocalLos(s))
        {
            // A radar blip: Recoil offsets it by the unit's error vector times the radar error size.
            x += u.ErrX[s] * World.SyntheticWorld.RadarErrorSize;
            z += u.ErrZ[s] * World.SyntheticWorld.RadarErrorSize;
        }

        var f32 = ctx.Float32;
        NativeArgs.PushFloat(l, x, f32);
        NativeArgs.PushFloat(l, y, f32);
        NativeArgs.PushFloat(l, z, f32);
        var results = 3;
        var midY = y + (w.UnitDefs[u.DefId[s]].Height * 0.5f);
        if (wantMid)
        {
            NativeArgs.PushFloat(l, x, f32);
            NativeArgs.PushFloat(l, midY, f32);
            NativeArgs.PushFloat(l, z, f32);
            results += 3;
        }

        if (wantAim)
        {
            NativeArgs.PushFloat(l, x, f32);
            NativeArgs.PushFloat(l, midY, f32);
            NativeArgs.PushFloat(l, z, f32);
            results += 3;
        }

        return results;
    }

    public static int GetUnitVelocity(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitVelocity", UnitReadLevel.InLos, out var ctx, out var s))
        {
            return 0;
        }

        var u = ctx.World.Units;
        float vx = u.VX[s], vy = u.VY[s], vz = u.VZ[s];
        NativeArgs.PushFloat(l, vx, ctx.Float32);
        NativeArgs.PushFloat(l, vy, ctx.Float32);
        NativeArgs.PushFloat(l, vz, ctx.Float32);
        NativeArgs.PushFloat(l, MathF.Sqrt((vx * vx) + (vy * vy) + (vz * vz)), ctx.Float32);
        return 4;
    }

    public static int GetUnitHeading(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitHeading", UnitReadLevel.InLos, out var ctx, out var s))
        {
            return 0;
        }

        var heading = ctx.World.Units.Heading[s];
        if (NativeArgs.OptBool(l, 2, false))
        {
            NativeArgs.PushFloat(l, heading * (Math.PI / 32768.0), ctx.Float32);
        }
        else
        {
            NativeArgs.PushInt(l, heading);
        }

        return 1;
    }

    public static int GetUnitHealth(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitHealth", UnitReadLevel.InLos, out var ctx, out var s))
        {
            return 0;
        }

        var u = ctx.World.Units;
        NativeArgs.PushFloat(l, u.Health[s], ctx.Float32);
        NativeArgs.PushFloat(l, u.MaxHealth[s], ctx.Float32);
        NativeArgs.PushFloat(l, u.Paralyze[s], ctx.Float32);
        NativeArgs.PushFloat(l, 0, ctx.Float32); // capture progress
        NativeArgs.PushFloat(l, u.BuildProgress[s], ctx.Float32);
        return 5;
    }

    public static int GetUnitDefID(IntPtr l) =>
        UnitAccess.Read(l, 1, "GetUnitDefID", UnitReadLevel.Typed, out var ctx, out var s)
            ? NativeArgs.Answer(l, ctx.World.Units.DefId[s])
            : 0;

    public static int GetUnitTeam(IntPtr l) => VisibleColumn(l, "GetUnitTeam", static u => u.Team);

    public static int GetUnitAllyTeam(IntPtr l) => VisibleColumn(l, "GetUnitAllyTeam", static u => u.AllyTeam);

    /// <summary>One integer column of the unit table, for a unit the local player can see.</summary>
    private static int VisibleColumn(IntPtr l, string function, Func<UnitTable, int[]> column) =>
        UnitAccess.Read(l, 1, function, UnitReadLevel.Visible, out var ctx, out var s)
            ? NativeArgs.Answer(l, column(ctx.World.Units)[s])
            : 0;

    // A unit answers until its UnitDestroyed call-in has returned; inside it, it is dead already.
    public static int GetUnitIsDead(IntPtr l) =>
        UnitAccess.Read(l, 1, "GetUnitIsDead", UnitReadLevel.Visible, out var ctx, out var s)
            ? NativeArgs.Answer(l, ctx.World.UnitInDestroyedCallIn == ctx.World.Units.IdAt[s])
            : 0;

    public static int GetUnitIsBuilding(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitIsBuilding", UnitReadLevel.Allied, out var ctx, out var s))
        {
            return 0;
        }

        var building = ctx.World.Units.CurrentBuild[s];
        if (building == 0 || !ctx.World.Units.IsAlive(building))
        {
            return 0;
        }

        return NativeArgs.Answer(l, building);
    }

    public static int IsUnitAllied(IntPtr l) =>
        UnitAccess.Read(l, 1, "IsUnitAllied", UnitReadLevel.Visible, out var ctx, out var s)
            ? NativeArgs.Answer(l, ctx.World.Units.AllyTeam[s] == ctx.World.LocalAllyTeamId)
            : 0;

    public static int IsUnitVisible(IntPtr l)
    {
        if (!UnitAccess.Live(l, 1, "IsUnitVisible", out var ctx, out var s))
        {
            return 0;
        }

        // "Visible" here means drawn on screen: in LOS (or allied); the whole map is on screen.
        return NativeArgs.Answer(l, ctx.World.IsInLocalLos(s));
    }

    /// <summary>
    /// The start of a per-ally-team LOS query (unitID, [allyTeam = local]): the unit's slot and an ally
    /// team the local player may ask about (its own, or any as a full-view spectator). False: no values.
    /// </summary>
    private static bool TryUnitAndAllyTeam(IntPtr l, string function, out SyntheticWorld world, out int slot,
        out int allyTeam)
    {
        allyTeam = -1;
        var live = UnitAccess.Live(l, 1, function, out var ctx, out slot);
        world = ctx.World;
        if (!live)
        {
            return false;
        }

        allyTeam = NativeArgs.OptInt(l, 2, world.LocalAllyTeamId);
        return allyTeam >= 0 && allyTeam < world.Roster.AllyTeamCount && world.CanRead(allyTeam);
    }

    public static int IsUnitInLos(IntPtr l)
    {
        if (!TryUnitAndAllyTeam(l, "IsUnitInLos", out var w, out var s, out var allyTeam))
        {
            return 0;
        }

        return NativeArgs.Answer(l, w.Units.AllyTeam[s] == allyTeam || (w.Units.LosMask[s] & (1u << allyTeam)) != 0);
    }

    public static int ValidUnitID(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        // No error here: Recoil checks lua_isnumber before parsing, so a non-number is just invalid.
        if (!NativeArgs.TryInt(l, 1, out var unitId))
        {
            return NativeArgs.Answer(l, false);
        }

        return NativeArgs.Answer(l, UnitAccess.VisibleSlot(ctx, unitId) >= 0);
    }

    public static int GetUnitLosState(IntPtr l)
    {
        if (!TryUnitAndAllyTeam(l, "GetUnitLosState", out var w, out var s, out var allyTeam))
        {
            return 0;
        }

        var raw = NativeArgs.OptBool(l, 3, false);
        var bit = 1u << allyTeam;
        var own = w.Units.AllyTeam[s] == allyTeam;
        var los = own || (w.Units.LosMask[s] & bit) != 0;
        var radar = own || (w.Units.RadarMask[s] & bit) != 0;
        var seen = own || (w.Units.SeenMask[s] & bit) != 0;
        if (raw)
        {
            // Recoil's raw bits: 1 in LOS, 2 in radar, 4 previously in LOS, 8 continuous radar.
            return NativeArgs.Answer(l, (los ? 1 : 0) | (radar ? 2 : 0) | (seen ? 4 : 0) | (radar && seen ? 8 : 0));
        }

        LuaApi.lua_createtable(l, 0, 3);
        NativeArgs.PushBool(l, los);
        LuaApi.lua_setfield(l, -2, Keys.Los);
        NativeArgs.PushBool(l, radar);
        LuaApi.lua_setfield(l, -2, Keys.Radar);
        NativeArgs.PushBool(l, los || (radar && seen));
        LuaApi.lua_setfield(l, -2, Keys.Typed);
        return 1;
    }

    /// <summary>NUL-terminated field names kept in unmanaged memory (no per-call encoding).</summary>
    private static class Keys
    {
        public static readonly byte* Los = Utf8Literal.Of("los");
        public static readonly byte* Radar = Utf8Literal.Of("radar");
        public static readonly byte* Typed = Utf8Literal.Of("typed");
    }
}
