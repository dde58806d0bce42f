namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Unit details beyond position and health: build state, stun, activity, size, direction, costs,
/// tooltip, cloak, stockpile and sensor radii. As in Recoil, details need the unit in LOS (own and
/// allied units always are); states, stockpile and sensor radii are for allied units only. A unit
/// that cannot be read answers nothing; a non-number id is an error.
/// </summary>
internal static unsafe class UnitDetailFunctions
{
    /// <summary>GetUnitIsBeingBuilt(u) → beingBuilt, buildProgress.</summary>
    public static int GetUnitIsBeingBuilt(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitIsBeingBuilt", UnitReadLevel.InLos, out var ctx, out var s))
        {
            return 0;
        }

        var u = ctx.World.Units;
        NativeArgs.PushBool(l, u.BuildFramesLeft[s] > 0);
        NativeArgs.PushFloat(l, u.BuildProgress[s], ctx.Float32);
        return 2;
    }

    /// <summary>GetUnitIsStunned(u) → stunnedOrBeingBuilt, paralyzed, beingBuilt.</summary>
    public static int GetUnitIsStunned(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitIsStunned", UnitReadLevel.InLos, out var ctx, out var s))
        {
            return 0;
        }

        var u = ctx.World.Units;
        var paralyzed = u.Paralyze[s] > u.Health[s];
        var building = u.BuildFramesLeft[s] > 0;
        NativeArgs.PushBool(l, paralyzed || building);
        NativeArgs.PushBool(l, paralyzed);
        NativeArgs.PushBool(l, building);
        return 3;
    }

    public static int GetUnitIsActive(IntPtr l) =>
        UnitAccess.Read(l, 1, "GetUnitIsActive", UnitReadLevel.InLos, out var ctx, out var s)
            ? NativeArgs.Answer(l, ctx.World.Commands.States.Get(ctx.World.Units.IdAt[s]).Active)
            : 0;

    public static int GetUnitIsCloaked(IntPtr l) =>
        UnitAccess.Read(l, 1, "GetUnitIsCloaked", UnitReadLevel.InLos, out var ctx, out var s)
            ? NativeArgs.Answer(l, ctx.World.Commands.States.Get(ctx.World.Units.IdAt[s]).Cloak)
            : 0;

    public static int GetUnitRadius(IntPtr l) =>
        UnitAccess.AnswerDefNumber(l, "GetUnitRadius", UnitReadLevel.InLos, d => d.Radius);

    public static int GetUnitHeight(IntPtr l) =>
        UnitAccess.AnswerDefNumber(l, "GetUnitHeight", UnitReadLevel.InLos, d => d.Height);

    public static int GetUnitMass(IntPtr l) =>
        UnitAccess.AnswerDefNumber(l, "GetUnitMass", UnitReadLevel.InLos, d => d.MetalCost);

    public static int GetUnitTooltip(IntPtr l) =>
        UnitAccess.Read(l, 1, "GetUnitTooltip", UnitReadLevel.InLos, out var ctx, out var s)
            ? NativeArgs.Answer(l, ctx.World.UnitDefs[ctx.World.Units.DefId[s]].Tooltip)
            : 0;

    /// <summary>GetUnitCosts(u) → buildTime, metalCost, energyCost.</summary>
    public static int GetUnitCosts(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitCosts", UnitReadLevel.InLos, out var ctx, out var s))
        {
            return 0;
        }

        var d = ctx.World.UnitDefs[ctx.World.Units.DefId[s]];
        NativeArgs.PushFloat(l, d.BuildTime, ctx.Float32);
        NativeArgs.PushFloat(l, d.MetalCost, ctx.Float32);
        NativeArgs.PushFloat(l, d.EnergyCost, ctx.Float32);
        return 3;
    }

    /// <summary>GetUnitDirection(u) → the unit's front vector x, y, z (flat: units stand level here).</summary>
    public static int GetUnitDirection(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitDirection", UnitReadLevel.InLos, out var ctx, out var s))
        {
            return 0;
        }

        var angle = ctx.World.Units.Heading[s] * (MathF.PI / 32768f);
        NativeArgs.PushFloat(l, MathF.Sin(angle), ctx.Float32);
        NativeArgs.PushFloat(l, 0, ctx.Float32);
        NativeArgs.PushFloat(l, MathF.Cos(angle), ctx.Float32);
        return 3;
    }

    /// <summary>GetUnitExperience(u) → experience, limited experience (0 for units that never fought here).</summary>
    public static int GetUnitExperience(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitExperience", UnitReadLevel.InLos, out var ctx, out _))
        {
            return 0;
        }

        NativeArgs.PushFloat(l, 0, ctx.Float32);
        NativeArgs.PushFloat(l, 0, ctx.Float32);
        return 2;
    }

    public static int GetUnitNeutral(IntPtr l) =>
        UnitAccess.Read(l, 1, "GetUnitNeutral", UnitReadLevel.InLos, out _, out _)
            ? NativeArgs.Answer(l, false)
            : 0;

    /// <summary>GetUnitStockpile(u) → stockpiled, queued, buildPercent; nothing without a stockpile weapon.</summary>
    public static int GetUnitStockpile(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitStockpile", UnitReadLevel.Allied, out var ctx, out var s))
        {
            return 0;
        }

        if (!ctx.World.UnitDefs[ctx.World.Units.DefId[s]].CanStockpile)
        {
            return 0;
        }

        var stock = ctx.World.Commands.Stockpiles.Get(ctx.World.Units.IdAt[s]);
        NativeArgs.PushInt(l, stock.Count);
        NativeArgs.PushInt(l, stock.Queued);
        NativeArgs.PushFloat(l, stock.Progress, ctx.Float32);
        return 3;
    }

    /// <summary>GetUnitSensorRadius(u, "los"|"airLos"|"radar"|"sonar"|"seismic"|"radarJammer"|"sonarJammer").</summary>
    public static int GetUnitSensorRadius(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitSensorRadius", UnitReadLevel.Allied, out var ctx, out var s)
            || !NativeArgs.CheckString(l, 2, "GetUnitSensorRadius", out var type))
        {
            return 0;
        }

        var d = ctx.World.UnitDefs[ctx.World.Units.DefId[s]];
        var radius = type switch
        {
            "los" or "airLos" => d.LosRadius,
            "radar" => d.RadarRadius,
            "sonar" or "seismic" or "radarJammer" or "sonarJammer" => 0f,
            _ => float.NaN,
        };
        if (float.IsNaN(radius))
        {
            return 0;
        }

        return NativeArgs.Answer(l, (int)radius);
    }

    public static int IsUnitInRadar(IntPtr l) => UnitSensor(l, "IsUnitInRadar", radar: true);

    public static int IsUnitInAirLos(IntPtr l) => UnitSensor(l, "IsUnitInAirLos", radar: false);

    /// <summary>GetUnitSeparation(u1, u2, [flat]) → distance between the two units.</summary>
    public static int GetUnitSeparation(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.UnitId(l, 1, "GetUnitSeparation", out var a)
            || !NativeArgs.UnitId(l, 2, "GetUnitSeparation", out var b))
        {
            return 0;
        }

        var u = ctx.World.Units;
        var sa = u.Slot(a);
        var sb = u.Slot(b);
        if (sa < 0 || sb < 0 || !ctx.World.IsVisibleToLocal(sa) || !ctx.World.IsVisibleToLocal(sb))
        {
            return 0;
        }

        var flat = NativeArgs.OptBool(l, 3, false);
        var dx = u.X[sa] - u.X[sb];
        var dy = flat ? 0 : u.Y[sa] - u.Y[sb];
        var dz = u.Z[sa] - u.Z[sb];
        return NativeArgs.Answer(l, MathF.Sqrt((dx * dx) + (dy * dy) + (dz * dz)), ctx.Float32);
    }

    /// <summary>GetUnitNearestEnemy(u, [range=1e9], [useLos]) → the nearest enemy unit the player can see.</summary>
    public static int GetUnitNearestEnemy(IntPtr l) => Nearest(l, "GetUnitNearestEnemy", enemy: true);

    /// <summary>GetUnitNearestAlly(u, [range=1e9]) → the nearest allied unit.</summary>
    public static int GetUnitNearestAlly(IntPtr l) => Nearest(l, "GetUnitNearestAlly", enemy: false);

    private static int Nearest(IntPtr l, string function, bool enemy)
    {
        if (!UnitAccess.Read(l, 1, function, UnitReadLevel.Allied, out var ctx, out var s))
        {
            return 0;
        }

        var range = NativeArgs.OptNumber(l, 2, 1e9);
        var u = ctx.World.Units;
        var best = 0;
        var bestD = range * range;
        for (var o = 0; o < u.Count; o++)
        {
            if (o == s || (u.AllyTeam[o] != u.AllyTeam[s]) != enemy || !ctx.World.IsVisibleToLocal(o))
            {
                continue;
            }

            var dx = u.X[o] - u.X[s];
            var dz = u.Z[o] - u.Z[s];
            var d = (dx * dx) + (dz * dz);
            if (d <= bestD)
            {
                bestD = d;
                best = u.IdAt[o];
            }
        }

        if (best == 0)
        {
            return 0;
        }

        return NativeArgs.Answer(l, best);
    }

    private static int UnitSensor(IntPtr l, string function, bool radar)
    {
        if (!UnitAccess.Live(l, 1, function, out var ctx, out var s))
        {
            return 0;
        }

        var u = ctx.World.Units;

        var ally = NativeArgs.OptInt(l, 2, ctx.World.LocalAllyTeamId);
        if (ally != ctx.World.LocalAllyTeamId && !ctx.World.LocalHasFullView)
        {
            return 0;
        }

        var bit = 1u << ally;
        var mask = radar ? u.RadarMask[s] : u.LosMask[s];
        return NativeArgs.Answer(l, u.AllyTeam[s] == ally || (mask & bit) != 0);
    }
}
