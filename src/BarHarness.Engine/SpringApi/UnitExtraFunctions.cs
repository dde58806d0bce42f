namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Unit reads beyond the everyday ones, each with Recoil's read level (visible, typed, in LOS or
/// allied; a unit below it answers nothing): orientation vectors, build facing and worker task,
/// costs, resources and storage, ranges, shields, jammers, radar error, collision volume, and the
/// screen-space unit list. Units stand level here (no pitch or roll), nothing transports, no unit
/// carries a shield, and a hit carries no attacker until it kills.
/// </summary>
internal static unsafe class UnitExtraFunctions
{
    /// <summary>GetUnitVectors(u) → front, up, right as {x, y, z} tables.</summary>
    public static int GetUnitVectors(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitVectors", UnitReadLevel.InLos, out var ctx, out var s))
        {
            return 0;
        }

        var (fx, fz) = Orientation.Front(ctx.World.Units.Heading[s]);
        LuaTables.PushNumberList(l, [fx, 0, fz], ctx.Float32);
        LuaTables.PushNumberList(l, [0, 1, 0], ctx.Float32);
        LuaTables.PushNumberList(l, [-fz, 0, fx], ctx.Float32);
        return 3;
    }

    /// <summary>GetUnitRotation(u) → pitch, yaw, roll in radians (level units: only yaw).</summary>
    public static int GetUnitRotation(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitRotation", UnitReadLevel.InLos, out var ctx, out var s))
        {
            return 0;
        }

        FeatureFunctions.PushVector(l, ctx, 0, Orientation.Yaw(ctx.World.Units.Heading[s]), 0);
        return 3;
    }

    /// <summary>GetUnitViewPosition(u, [midPos]) → where the unit is drawn, with the radar error for blips.</summary>
    public static int GetUnitViewPosition(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitViewPosition", UnitReadLevel.Visible, out var ctx, out var s))
        {
            return 0;
        }

        var u = ctx.World.Units;
        var mid = NativeArgs.OptBool(l, 2, false) ? UnitAccess.Def(ctx, s).Height * 0.5f : 0f;
        var blip = !ctx.World.IsInLocalLos(s);
        FeatureFunctions.PushVector(l, ctx, u.X[s] + (blip ? u.ErrX[s] : 0), u.Y[s] + mid, u.Z[s] + (blip
            ? u.ErrZ[s] : 0));
        return 3;
    }

    /// <summary>GetUnitBuildFacing(u) → 0 south, 1 east, 2 north, 3 west, from the unit's heading.</summary>
    public static int GetUnitBuildFacing(IntPtr l) =>
        UnitAccess.Read(l, 1, "GetUnitBuildFacing", UnitReadLevel.InLos, out var ctx, out var s)
            ? NativeArgs.Answer(l, (((ctx.World.Units.Heading[s] + 8192) & 0xFFFF) / 16384) & 3)
            : 0;

    /// <summary>GetUnitWorkerTask(u) → -buildeeDefID (or CMD.REPAIR for a finished unit), buildee id; nothing when
    /// idle.</summary>
    public static int GetUnitWorkerTask(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitWorkerTask", UnitReadLevel.InLos, out var ctx, out var s))
        {
            return 0;
        }

        var u = ctx.World.Units;
        var target = u.CurrentBuild[s];
        var ts = target == 0 ? -1 : u.Slot(target);
        if (!UnitAccess.Def(ctx, s).IsBuilder || ts < 0)
        {
            return 0;
        }

        NativeArgs.PushInt(l, u.BuildFramesLeft[ts] > 0 ? -u.DefId[ts] : CommandIds.Repair);
        NativeArgs.PushInt(l, target);
        return 2;
    }

    /// <summary>GetUnitCurrentBuildPower(u) → share of its build power in use (1 while building, 0 idle); builders
    /// only.</summary>
    public static int GetUnitCurrentBuildPower(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitCurrentBuildPower", UnitReadLevel.Allied, out var ctx, out var s)
            || !UnitAccess.Def(ctx, s).IsBuilder)
        {
            return 0;
        }

        var building = ctx.World.Units.CurrentBuild[s] != 0;
        return NativeArgs.Answer(l, building ? 1 : 0, ctx.Float32);
    }

    /// <summary>GetUnitCostTable(u) → {metal = m, energy = e}, buildTime.</summary>
    public static int GetUnitCostTable(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitCostTable", UnitReadLevel.InLos, out var ctx, out var s))
        {
            return 0;
        }

        var d = UnitAccess.Def(ctx, s);
        LuaApi.lua_createtable(l, 0, 2);
        NativeArgs.PushFloat(l, d.MetalCost, ctx.Float32);
        LuaApi.SetField(l, -2, "metal");
        NativeArgs.PushFloat(l, d.EnergyCost, ctx.Float32);
        LuaApi.SetField(l, -2, "energy");
        NativeArgs.PushFloat(l, d.BuildTime, ctx.Float32);
        return 2;
    }

    /// <summary>GetUnitArmored(u) → armored, armor multiple (no unit closes its armour here).</summary>
    public static int GetUnitArmored(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitArmored", UnitReadLevel.InLos, out var ctx, out _))
        {
            return 0;
        }

        NativeArgs.PushBool(l, false);
        NativeArgs.PushFloat(l, 1, ctx.Float32);
        return 2;
    }

    /// <summary>GetUnitBlocking(u) → the seven blocking flags (aircraft do not block the ground).</summary>
    public static int GetUnitBlocking(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitBlocking", UnitReadLevel.Typed, out var ctx, out var s))
        {
            return 0;
        }

        var d = UnitAccess.Def(ctx, s);
        var blocking = !d.CanFly;
        NativeArgs.PushBool(l, blocking);
        NativeArgs.PushBool(l, true);
        NativeArgs.PushBool(l, true);
        NativeArgs.PushBool(l, true);
        NativeArgs.PushBool(l, false);
        NativeArgs.PushBool(l, d.IsBuilding);
        NativeArgs.PushBool(l, d.IsBuilding);
        return 7;
    }

    /// <summary>GetUnitMaxRange(u) → the longest weapon range (the LOS radius for an armed unit here, 0
    /// unarmed).</summary>
    public static int GetUnitMaxRange(IntPtr l) => UnitAccess.AnswerDefNumber(
        l, "GetUnitMaxRange", UnitReadLevel.Allied, d => d.WeaponCount > 0 ? d.LosRadius : 0);

    /// <summary>GetUnitLastAttacker(u) → nothing: hits carry no attacker in this world until one kills.</summary>
    public static int GetUnitLastAttacker(IntPtr l) =>
        UnitAccess.AnswerNothing(l, "GetUnitLastAttacker", UnitReadLevel.Visible);

    /// <summary>GetUnitLastAttackedPiece(u) → nothing (no hit records a piece here); allied units only.</summary>
    public static int GetUnitLastAttackedPiece(IntPtr l) =>
        UnitAccess.AnswerNothing(l, "GetUnitLastAttackedPiece", UnitReadLevel.Allied);

    /// <summary>GetUnitTransporter(u) → nothing: no unit is carried here.</summary>
    public static int GetUnitTransporter(IntPtr l) =>
        UnitAccess.AnswerNothing(l, "GetUnitTransporter", UnitReadLevel.InLos);

    /// <summary>GetUnitIsTransporting(u) → {} for an allied transport, nothing for other units.</summary>
    public static int GetUnitIsTransporting(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitIsTransporting", UnitReadLevel.Allied, out var ctx, out var s)
            || !UnitAccess.Def(ctx, s).CustomParams.ContainsKey("istransport"))
        {
            return 0;
        }

        LuaApi.lua_createtable(l, 0, 0);
        return 1;
    }

    /// <summary>GetUnitResources(u) → metal made, metal used, energy made, energy used (per second).</summary>
    public static int GetUnitResources(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitResources", UnitReadLevel.Allied, out var ctx, out var s))
        {
            return 0;
        }

        var d = UnitAccess.Def(ctx, s);
        var finished = ctx.World.Units.BuildFramesLeft[s] <= 0;
        var metalMake = finished && Extracts(d) ? ExtractionRate : 0f;
        var energyMake = finished && d.CustomParams.TryGetValue("energyproduction", out var e)
            && float.TryParse(e, System.Globalization.CultureInfo.InvariantCulture, out var ep) ? ep : 0f;
        var building = ctx.World.Units.CurrentBuild[s] != 0 ? d.BuildSpeed : 0f;
        NativeArgs.PushFloat(l, metalMake, ctx.Float32);
        NativeArgs.PushFloat(l, building * 0.1f, ctx.Float32);
        NativeArgs.PushFloat(l, energyMake, ctx.Float32);
        NativeArgs.PushFloat(l, building, ctx.Float32);
        return 4;
    }

    /// <summary>GetUnitMetalExtraction(u) → metal a finished extractor draws; nothing for other units.</summary>
    public static int GetUnitMetalExtraction(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitMetalExtraction", UnitReadLevel.Allied, out var ctx, out var s)
            || !Extracts(UnitAccess.Def(ctx, s)))
        {
            return 0;
        }

        return NativeArgs.Answer(l, ctx.World.Units.BuildFramesLeft[s] > 0 ? 0 : ExtractionRate, ctx.Float32);
    }

    /// <summary>GetUnitStorage(u) → metal storage, energy storage the unit adds (commanders hold 500 each
    /// here).</summary>
    public static int GetUnitStorage(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitStorage", UnitReadLevel.Allied, out var ctx, out var s))
        {
            return 0;
        }

        var commander = UnitAccess.Def(ctx, s).CustomParams.ContainsKey("iscommander");
        NativeArgs.PushFloat(l, commander ? 500 : 0, ctx.Float32);
        NativeArgs.PushFloat(l, commander ? 500 : 0, ctx.Float32);
        return 2;
    }

    /// <summary>GetUnitHarvestStorage(u) → stored and max metal, stored and max energy (no harvesters:
    /// zeros).</summary>
    public static int GetUnitHarvestStorage(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitHarvestStorage", UnitReadLevel.Allied, out _, out _))
        {
            return 0;
        }

        for (var i = 0; i < 4; i++)
        {
            NativeArgs.PushInt(l, 0);
        }

        return 4;
    }

    /// <summary>GetUnitShieldState(u, [weaponNum]) → nothing: no unit carries a shield here.</summary>
    public static int GetUnitShieldState(IntPtr l) =>
        UnitAccess.AnswerNothing(l, "GetUnitShieldState", UnitReadLevel.InLos);

    /// <summary>GetUnitSeismicSignature(u) → the def's seismic signature (mobile ground units: their radius /
    /// 8).</summary>
    public static int GetUnitSeismicSignature(IntPtr l) => UnitAccess.AnswerDefNumber(
        l,
        "GetUnitSeismicSignature",
        UnitReadLevel.Allied,
        d => d.IsMobile && !d.CanFly ? MathF.Sqrt(d.MetalCost / 5f) : 0);

    /// <summary>GetUnitInBuildStance(u) → whether a builder is building now; nothing for non-builders.</summary>
    public static int GetUnitInBuildStance(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitInBuildStance", UnitReadLevel.Allied, out var ctx, out var s)
            || !UnitAccess.Def(ctx, s).IsBuilder || UnitAccess.Def(ctx, s).IsFactory)
        {
            return 0;
        }

        return NativeArgs.Answer(l, ctx.World.Units.CurrentBuild[s] != 0);
    }

    /// <summary>GetUnitDefDimensions(unitDefID) → {height, radius, midx, minx, maxx, midy, miny, maxy, midz, minz,
    /// maxz}.</summary>
    public static int GetUnitDefDimensions(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, "GetUnitDefDimensions", out var defId) || !ctx.World.UnitDefs.IsValid(defId))
        {
            return 0;
        }

        var d = ctx.World.UnitDefs[defId];
        (string Key, double Value)[] fields =
        [
            ("height", d.Height), ("radius", d.Radius), ("midx", 0), ("minx", -d.Radius), ("maxx", d.Radius),
            ("midy", d.Height / 2), ("miny", 0), ("maxy", d.Height), ("midz", 0), ("minz", -d.Radius),
            ("maxz", d.Radius),
        ];
        LuaApi.lua_createtable(l, 0, fields.Length);
        foreach (var (key, value) in fields)
        {
            NativeArgs.PushFloat(l, value, ctx.Float32);
            LuaApi.SetField(l, -2, key);
        }

        return 1;
    }

    /// <summary>GetUnitBuildeeRadius(u) → the radius builders must reach to work on the unit (its radius).</summary>
    public static int GetUnitBuildeeRadius(IntPtr l) =>
        UnitAccess.Read(l, 1, "GetUnitBuildeeRadius", UnitReadLevel.Typed, out var ctx, out var s)
            ? NativeArgs.Answer(l, UnitAccess.Def(ctx, s).Radius, ctx.Float32)
            : 0;

    /// <summary>GetUnitEffectiveBuildRange(u, [buildeeDefID]) → build distance plus the buildee's radius; builders
    /// only.</summary>
    public static int GetUnitEffectiveBuildRange(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitEffectiveBuildRange", UnitReadLevel.InLos, out var ctx, out var s))
        {
            return 0;
        }

        var d = UnitAccess.Def(ctx, s);
        if (!d.IsBuilder || !d.IsMobile)
        {
            return 0;
        }

        var radius = 0f;
        if (LuaApi.lua_type(l, 2) > LuaApi.LUA_TNIL)
        {
            if (!NativeArgs.CheckInt(l, 2, "GetUnitEffectiveBuildRange", out var buildee))
            {
                return 0;
            }

            if (!ctx.World.UnitDefs.IsValid(buildee))
            {
                return BarHarness.LuaHost.Runtime.LuaRuntime.RaiseError(l,
                    $"Nonexistent buildeeDefID {buildee} passed to Spring.GetUnitEffectiveBuildRange",
                    "GetUnitEffectiveBuildRange");
            }

            radius = ctx.World.UnitDefs[buildee].Radius;
        }

        return NativeArgs.Answer(l, BuildDistance + radius, ctx.Float32);
    }

    /// <summary>GetUnitFlanking(u, [key]) → BAR's flanking mode 1, move factor, min and max damage, direction,
    /// mobility.</summary>
    public static int GetUnitFlanking(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitFlanking", UnitReadLevel.Allied, out var ctx, out _))
        {
            return 0;
        }

        var key = LuaApi.lua_type(l, 2) == LuaApi.LUA_TSTRING ? LuaApi.ToStringValue(l, 2) : null;
        switch (key)
        {
            case "mode":
                return NativeArgs.Answer(l, 1);
            case "dir":
                FeatureFunctions.PushVector(l, ctx, 0, 0, 1);
                return 3;
            case "moveFactor":
                return NativeArgs.Answer(l, 0.05, ctx.Float32);
            case "minDamage":
                return NativeArgs.Answer(l, 1, ctx.Float32);
            case "maxDamage":
                return NativeArgs.Answer(l, 2, ctx.Float32);
            case null when LuaApi.lua_type(l, 2) <= LuaApi.LUA_TNIL:
                NativeArgs.PushInt(l, 1);
                NativeArgs.PushFloat(l, 0.05, ctx.Float32);
                NativeArgs.PushFloat(l, 1, ctx.Float32);
                NativeArgs.PushFloat(l, 2, ctx.Float32);
                FeatureFunctions.PushVector(l, ctx, 0, 0, 1);
                NativeArgs.PushFloat(l, 0, ctx.Float32);
                return 8;
            default:
                return 0;
        }
    }

    /// <summary>IsUnitInJammer(u, [allyTeam]) → false: no jammer runs in this world.</summary>
    public static int IsUnitInJammer(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "IsUnitInJammer", UnitReadLevel.Typed, out var ctx, out _))
        {
            return 0;
        }

        var ally = NativeArgs.OptInt(l, 2, ctx.World.LocalAllyTeamId);
        if (ally != ctx.World.LocalAllyTeamId && !ctx.World.LocalHasFullView)
        {
            return BarHarness.LuaHost.Runtime.LuaRuntime.RaiseError(l,
                "bad argument #2 to 'IsUnitInJammer' (Invalid allyTeam)", "IsUnitInJammer");
        }

        return NativeArgs.Answer(l, false);
    }

    /// <summary>GetUnitPosErrorParams(u, [allyTeam]) → error vector, error delta, next update frame, error bit
    /// (allied units).</summary>
    public static int GetUnitPosErrorParams(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitPosErrorParams", UnitReadLevel.Allied, out var ctx, out var s))
        {
            return 0;
        }

        var u = ctx.World.Units;
        var ally = Math.Clamp(NativeArgs.OptInt(l, 2, 0), 0, ctx.World.Roster.AllyTeamCount - 1);
        var size = BarHarness.World.SyntheticWorld.RadarErrorSize;
        FeatureFunctions.PushVector(l, ctx, u.ErrX[s] / size, 0, u.ErrZ[s] / size);
        FeatureFunctions.PushVector(l, ctx, 0, 0, 0);
        NativeArgs.PushInt(l, ctx.World.Frame + 30 - (ctx.World.Frame % 30));
        NativeArgs.PushBool(l, (u.RadarMask[s] & (1u << ally)) != 0 && (u.LosMask[s] & (1u << ally)) == 0);
        return 8;
    }

    /// <summary>GetUnitEstimatedPath(u) → nothing: units here walk straight, with no path to report.</summary>
    public static int GetUnitEstimatedPath(IntPtr l) =>
        UnitAccess.AnswerNothing(l, "GetUnitEstimatedPath", UnitReadLevel.Allied);

    /// <summary>GetUnitCollisionVolumeData(u) → Recoil's 10-value volume tuple (units in LOS).</summary>
    public static int GetUnitCollisionVolumeData(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitCollisionVolumeData", UnitReadLevel.InLos, out var ctx, out var s))
        {
            return 0;
        }

        var d = UnitAccess.Def(ctx, s);
        return CollisionVolume.Push(l, ctx, d.Radius, d.Height, null);
    }

    /// <summary>GetUnitsInScreenRectangle(left, top, right, bottom, [allegiance]) → visible units drawn
    /// inside.</summary>
    public static int GetUnitsInScreenRectangle(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        Span<double> edges = stackalloc double[4];
        if (!NativeArgs.CheckNumbers(l, 1, "GetUnitsInScreenRectangle", edges))
        {
            return 0;
        }

        var (left, right) = edges[0] > edges[2] ? (edges[2], edges[0]) : (edges[0], edges[2]);
        var (top, bottom) = edges[1] > edges[3] ? (edges[3], edges[1]) : (edges[1], edges[3]);
        var allegiance = NativeArgs.OptInt(l, 5, -1);
        var w = ctx.World;
        var u = w.Units;
        var buffer = ctx.UnitBuffer(u.Count);
        var n = 0;
        for (var s = 0; s < u.Count; s++)
        {
            var pass = allegiance switch
            {
                >= 0 => u.Team[s] == allegiance,
                -2 => u.Team[s] == w.LocalTeamId,
                -3 => u.AllyTeam[s] == w.LocalAllyTeamId,
                -4 => u.AllyTeam[s] != w.LocalAllyTeamId,
                _ => true,
            };
            if (!pass || !w.IsVisibleToLocal(s) || u.Y[s] >= ctx.Camera.Y)
            {
                continue;
            }

            var (sx, sy) = CameraFunctions.ToScreen(ctx, u.X[s], u.Y[s], u.Z[s]);
            if (sx >= left && sx <= right && sy >= top && sy <= bottom)
            {
                buffer[n++] = u.IdAt[s];
            }
        }

        NativeArgs.PushIntList(l, buffer.AsSpan(0, n));
        return 1;
    }

    /// <summary>Metal an extractor draws per second here (BAR's mexes draw about this on an average spot).</summary>
    private const float ExtractionRate = 2f;

    /// <summary>Builders reach this far (elmos) beyond the buildee's radius (a representative BAR build
    /// distance).</summary>
    private const float BuildDistance = 128f;

    private static bool Extracts(BarHarness.World.UnitDef d) =>
        d.CustomParams.ContainsKey("metal_extractor") || d.Name.EndsWith("mex", StringComparison.Ordinal);
}
