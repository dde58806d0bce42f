namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Features (trees, rocks, vents, wrecks) as Recoil's LuaSyncedRead reports them: a feature the local
/// player may not read (the game's feature visibility, BAR: all) or that does not exist answers nothing,
/// a non-number id raises. Features stand still and level, so velocity is zero and the only rotation
/// is the heading.
/// </summary>
internal static unsafe class FeatureFunctions
{
    public static int ValidFeatureID(IntPtr l)
    {
        int isNum;
        LuaApi.lua_tonumberx(l, 1, &isNum);
        if (isNum == 0)
        {
            NativeArgs.Enter(l);
            return NativeArgs.Answer(l, false);
        }

        return NativeArgs.Answer(l, FeatureAccess.Read(l, 1, "ValidFeatureID", out _) is not null);
    }

    /// <summary>GetAllFeatures() → the ids of every feature the player may read.</summary>
    public static int GetAllFeatures(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        PushReadable(l, ctx, static (_, _) => true, 0, 0, 0, 0);
        return 1;
    }

    /// <summary>GetFeaturesInRectangle(xmin, zmin, xmax, zmax).</summary>
    public static int GetFeaturesInRectangle(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!Numbers(l, "GetFeaturesInRectangle", 4, out var a))
        {
            return 0;
        }

        PushReadable(l, ctx, static (f, q) => f.X >= q[0] && f.Z >= q[1] && f.X <= q[2] && f.Z <= q[3], a[0], a[1],
            a[2],
            a[3]);
        return 1;
    }

    /// <summary>GetFeaturesInCylinder(x, z, radius): by the flat distance to the feature's position.</summary>
    public static int GetFeaturesInCylinder(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!Numbers(l, "GetFeaturesInCylinder", 3, out var a))
        {
            return 0;
        }

        PushReadable(l, ctx, static (f, q) => Square(f.X - q[0]) + Square(f.Z - q[1]) <= q[2] * q[2], a[0], a[1],
            a[2], 0);
        return 1;
    }

    /// <summary>GetFeaturesInSphere(x, y, z, radius).</summary>
    public static int GetFeaturesInSphere(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!Numbers(l, "GetFeaturesInSphere", 4, out var a))
        {
            return 0;
        }

        PushReadable(l, ctx, static (f, q) => Square(f.X - q[0]) + Square(f.Y - q[1])
            + Square(f.Z - q[2]) <= q[3] * q[3],
            a[0], a[1], a[2], a[3]);
        return 1;
    }

    /// <summary>GetFeaturesInScreenRectangle(left, top, right, bottom) → features whose position projects
    /// inside.</summary>
    public static int GetFeaturesInScreenRectangle(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!Numbers(l, "GetFeaturesInScreenRectangle", 4, out var a))
        {
            return 0;
        }

        var list = new List<int>();
        foreach (var f in ctx.World.Features.All)
        {
            if (!ctx.World.IsFeatureReadable(f))
            {
                continue;
            }

            var (sx, sy) = CameraFunctions.ToScreen(ctx, f.X, f.Y, f.Z);
            if (sx >= a[0] && sx <= a[2] && sy <= a[1] && sy >= a[3])
            {
                list.Add(f.Id);
            }
        }

        NativeArgs.PushIntList(l, list.ToArray());
        return 1;
    }

    /// <summary>
    /// GetVisibleFeatures([allyTeam], [radius], [icons], [geos=true]) → readable features in the camera's
    /// view, not hidden with SetFeatureNoDraw; geothermal vents only with geos.
    /// </summary>
    public static int GetVisibleFeatures(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var ally = NativeArgs.OptInt(l, 1, -1);
        if (ally >= 0 && ally >= ctx.World.Roster.AllyTeamCount)
        {
            return 0;
        }

        var geos = NativeArgs.OptBool(l, 4, true);
        var radius = LuaApi.lua_type(l, 2) == LuaApi.LUA_TNUMBER ? Math.Abs(LuaApi.ToNumber(l, 2, out _)) : 0;
        var list = new List<int>();
        foreach (var f in ctx.World.Features.All)
        {
            if (ctx.World.IsFeatureReadable(f) && !ctx.Drawing.Feature(f.Id).NoDraw && (geos || !f.Def.Geothermal)
                && CameraFunctions.InView(ctx, f.X, f.Y + (f.Def.Height / 2), f.Z, radius + f.Def.Radius))
            {
                list.Add(f.Id);
            }
        }

        NativeArgs.PushIntList(l, list.ToArray());
        return 1;
    }

    public static int GetFeatureDefID(IntPtr l) => Int(l, "GetFeatureDefID", static f => f.Def.Id);

    /// <summary>GetFeatureTeam(f) → the owning team (-1 for a feature of no ally team).</summary>
    public static int GetFeatureTeam(IntPtr l) => Int(l, "GetFeatureTeam", static f => f.AllyTeamId < 0 ? -1
        : f.TeamId);

    public static int GetFeatureAllyTeam(IntPtr l) => Int(l, "GetFeatureAllyTeam", static f => f.AllyTeamId);

    public static int GetFeatureHeading(IntPtr l) => Int(l, "GetFeatureHeading", static f => f.Heading);

    public static int GetFeatureHeight(IntPtr l) => Number(l, "GetFeatureHeight", static f => f.Def.Height);

    public static int GetFeatureRadius(IntPtr l) => Number(l, "GetFeatureRadius", static f => f.Def.Radius);

    public static int GetFeatureMass(IntPtr l) => Number(l, "GetFeatureMass", static f => f.Def.Mass);

    /// <summary>GetFeatureHealth(f) → health, def health, resurrect progress.</summary>
    public static int GetFeatureHealth(IntPtr l)
    {
        if (!FeatureAccess.Readable(l, 1, "GetFeatureHealth", out var ctx, out var f))
        {
            return 0;
        }

        NativeArgs.PushFloat(l, f.Health, ctx.Float32);
        NativeArgs.PushFloat(l, f.Def.Health, ctx.Float32);
        NativeArgs.PushFloat(l, 0, ctx.Float32);
        return 3;
    }

    /// <summary>GetFeaturePosition(f, [midPos], [aimPos]) → 3, 6 or 9 numbers; features get no radar error.</summary>
    public static int GetFeaturePosition(IntPtr l)
    {
        if (!FeatureAccess.Readable(l, 1, "GetFeaturePosition", out var ctx, out var f))
        {
            return 0;
        }

        var mid = NativeArgs.OptBool(l, 2, false);
        var aim = NativeArgs.OptBool(l, 3, false);
        PushVector(l, ctx, f.X, f.Y, f.Z);
        if (mid)
        {
            PushVector(l, ctx, f.X, f.Y + (f.Def.Height * 0.5f), f.Z);
        }

        if (aim)
        {
            PushVector(l, ctx, f.X, f.Y + (f.Def.Height * 0.5f), f.Z);
        }

        return 3 + (mid ? 3 : 0) + (aim ? 3 : 0);
    }

    /// <summary>GetFeatureSeparation(f1, f2, [flat]) → distance; 2D only when the third argument is boolean
    /// true.</summary>
    public static int GetFeatureSeparation(IntPtr l)
    {
        var a = FeatureAccess.Read(l, 1, "GetFeatureSeparation", out var ctx);
        if (a is null)
        {
            return 0;
        }

        var b = FeatureAccess.Read(l, 2, "GetFeatureSeparation", out _);
        if (b is null)
        {
            return 0;
        }

        var flat = LuaApi.lua_type(l, 3) == LuaApi.LUA_TBOOLEAN && LuaApi.lua_toboolean(l, 3) != 0;
        var dy = flat ? 0 : a.Y - b.Y;
        return NativeArgs.Answer(l, MathF.Sqrt(Square(a.X - b.X) + (dy * dy) + Square(a.Z - b.Z)), ctx.Float32);
    }

    /// <summary>GetFeatureRotation(f) → pitch, yaw, roll (level features: only yaw, from the heading).</summary>
    public static int GetFeatureRotation(IntPtr l)
    {
        if (!FeatureAccess.Readable(l, 1, "GetFeatureRotation", out var ctx, out var f))
        {
            return 0;
        }

        PushVector(l, ctx, 0, Orientation.Yaw(f.Heading), 0);
        return 3;
    }

    /// <summary>GetFeatureDirection(f) → front, right and up vectors (9 numbers).</summary>
    public static int GetFeatureDirection(IntPtr l)
    {
        if (!FeatureAccess.Readable(l, 1, "GetFeatureDirection", out var ctx, out var f))
        {
            return 0;
        }

        var (fx, fz) = Orientation.Front(f.Heading);
        PushVector(l, ctx, fx, 0, fz);
        PushVector(l, ctx, -fz, 0, fx);
        PushVector(l, ctx, 0, 1, 0);
        return 9;
    }

    /// <summary>GetFeatureVelocity(f) → 0, 0, 0, 0 (features stand still here).</summary>
    public static int GetFeatureVelocity(IntPtr l)
    {
        if (!FeatureAccess.Readable(l, 1, "GetFeatureVelocity", out var ctx, out var f))
        {
            return 0;
        }

        PushVector(l, ctx, 0, 0, 0);
        NativeArgs.PushFloat(l, 0, ctx.Float32);
        return 4;
    }

    /// <summary>GetFeatureResources(f) → metal, def metal, energy, def energy, reclaim left, reclaim time.</summary>
    public static int GetFeatureResources(IntPtr l)
    {
        if (!FeatureAccess.Readable(l, 1, "GetFeatureResources", out var ctx, out var f))
        {
            return 0;
        }

        NativeArgs.PushFloat(l, f.Metal, ctx.Float32);
        NativeArgs.PushFloat(l, f.Def.Metal, ctx.Float32);
        NativeArgs.PushFloat(l, f.Energy, ctx.Float32);
        NativeArgs.PushFloat(l, f.Def.Energy, ctx.Float32);
        NativeArgs.PushFloat(l, f.ReclaimLeft, ctx.Float32);
        NativeArgs.PushFloat(l, f.Def.ReclaimTime, ctx.Float32);
        return 6;
    }

    /// <summary>GetFeatureBlocking(f) → blocking, collides with objects, projectiles, rays, crushable, blocks
    /// pushing, blocks height changes.</summary>
    public static int GetFeatureBlocking(IntPtr l)
    {
        var f = FeatureAccess.Read(l, 1, "GetFeatureBlocking", out _);
        if (f is null)
        {
            return 0;
        }

        var blocking = f.Def.Blocking;
        NativeArgs.PushBool(l, blocking);
        NativeArgs.PushBool(l, blocking);
        NativeArgs.PushBool(l, blocking);
        NativeArgs.PushBool(l, blocking);
        NativeArgs.PushBool(l, false);
        NativeArgs.PushBool(l, false);
        NativeArgs.PushBool(l, blocking);
        return 7;
    }

    public static int GetFeatureNoSelect(IntPtr l) =>
        FeatureAccess.Readable(l, 1, "GetFeatureNoSelect", out var ctx, out var f)
            ? NativeArgs.Answer(l, ctx.Drawing.Feature(f.Id).NoSelect)
            : 0;

    /// <summary>GetFeatureResurrect(f) → the unit a wreck resurrects into ("" for others), build facing.</summary>
    public static int GetFeatureResurrect(IntPtr l)
    {
        var f = FeatureAccess.Read(l, 1, "GetFeatureResurrect", out _);
        if (f is null)
        {
            return 0;
        }

        LuaApi.PushString(l, f.Def.ResurrectUnit);
        NativeArgs.PushInt(l, f.BuildFacing);
        return 2;
    }

    /// <summary>GetFeatureLastAttackedPiece(f) → nothing: no feature is ever hit here.</summary>
    public static int GetFeatureLastAttackedPiece(IntPtr l)
    {
        FeatureAccess.Read(l, 1, "GetFeatureLastAttackedPiece", out _);
        return 0;
    }

    /// <summary>
    /// GetFeatureCollisionVolumeData(f) → scales, offsets, type, continuous test, axis, ignore hits.
    /// </summary>
    public static int GetFeatureCollisionVolumeData(IntPtr l)
    {
        var f = FeatureAccess.Read(l, 1, "GetFeatureCollisionVolumeData", out var ctx);
        return f is null ? 0 : CollisionVolume.Push(l, ctx, f.Def.Radius, f.Def.Height, null);
    }

    /// <summary>GetFeatureRulesParams(f) → {} (LuaUI cannot set rules params; no gadget runs here).</summary>
    public static int GetFeatureRulesParams(IntPtr l)
    {
        if (FeatureAccess.Read(l, 1, "GetFeatureRulesParams", out _) is null)
        {
            return 0;
        }

        LuaApi.lua_createtable(l, 0, 0);
        return 1;
    }

    /// <summary>GetFeatureRulesParam(f, name) → nothing (no rules params are set here).</summary>
    public static int GetFeatureRulesParam(IntPtr l)
    {
        if (FeatureAccess.Read(l, 1, "GetFeatureRulesParam", out _) is null)
        {
            return 0;
        }

        NativeArgs.CheckString(l, 2, "GetFeatureRulesParam", out _);
        return 0;
    }

    /// <summary>GetUnitFeatureSeparation(u, f, [flat]) → distance from the unit's middle to the feature's.</summary>
    public static int GetUnitFeatureSeparation(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitFeatureSeparation", UnitReadLevel.Visible, out var ctx, out var s))
        {
            return 0;
        }

        var f = FeatureAccess.Read(l, 2, "GetUnitFeatureSeparation", out _);
        if (f is null)
        {
            return 0;
        }

        var u = ctx.World.Units;
        var x = u.X[s];
        var z = u.Z[s];
        if (!ctx.World.IsAlliedToLocal(s))
        {
            x += u.ErrX[s];
            z += u.ErrZ[s];
        }

        var flat = NativeArgs.OptBool(l, 3, false);
        var dy = flat ? 0 : (u.Y[s] + (UnitAccess.Def(ctx, s).Height * 0.5f)) - (f.Y + (f.Def.Height * 0.5f));
        return NativeArgs.Answer(l, MathF.Sqrt(Square(x - f.X) + (dy * dy) + Square(z - f.Z)), ctx.Float32);
    }

    internal static void PushVector(IntPtr l, EngineApiContext ctx, double x, double y, double z)
    {
        NativeArgs.PushFloat(l, x, ctx.Float32);
        NativeArgs.PushFloat(l, y, ctx.Float32);
        NativeArgs.PushFloat(l, z, ctx.Float32);
    }

    private static int Int(IntPtr l, string function, Func<MapFeature, int> read)
    {
        var f = FeatureAccess.Read(l, 1, function, out _);
        if (f is null)
        {
            return 0;
        }

        return NativeArgs.Answer(l, read(f));
    }

    private static int Number(IntPtr l, string function, Func<MapFeature, float> read)
    {
        var f = FeatureAccess.Read(l, 1, function, out var ctx);
        if (f is null)
        {
            return 0;
        }

        return NativeArgs.Answer(l, read(f), ctx.Float32);
    }

    private static bool Numbers(IntPtr l, string function, int count, out float[] values)
    {
        values = new float[count];
        for (var i = 0; i < count; i++)
        {
            if (!NativeArgs.CheckNumber(l, i + 1, function, out var v))
            {
                return false;
            }

            values[i] = (float)v;
        }

        return true;
    }

    private static void PushReadable(IntPtr l, EngineApiContext ctx, Func<MapFeature, float[], bool> inside,
        float a, float b, float c, float d)
    {
        var query = new[] { a, b, c, d };
        var features = ctx.World.Features.All;
        LuaApi.lua_createtable(l, features.Count, 0);
        var n = 0;
        foreach (var f in features)
        {
            if (ctx.World.IsFeatureReadable(f) && inside(f, query))
            {
                LuaApi.lua_pushinteger(l, f.Id);
                LuaApi.lua_rawseti(l, -2, ++n);
            }
        }
    }

    private static float Square(float v) => v * v;
}

/// <summary>Recoil's heading (65536 units to a turn, 0 facing +z) as vectors and angles.</summary>
internal static class Orientation
{
    public static (float X, float Z) Front(short heading)
    {
        var angle = heading * (MathF.PI / 32768f);
        return (MathF.Sin(angle), MathF.Cos(angle));
    }

    /// <summary>Yaw in radians for a level object: the heading as an angle.</summary>
    public static float Yaw(short heading) => heading * (MathF.PI / 32768f);
}

/// <summary>Recoil's collision-volume tuple (PushColVolData): 10 values, the last a boolean.</summary>
internal static class CollisionVolume
{
    /// <summary>Cylinder of the object's footprint (type 1 = cylinder, axis 1 = y) unless LuaUI set one.</summary>
    public static int Push(IntPtr l, EngineApiContext ctx, float radius, float height, double[]? custom)
    {
        if (custom is not null)
        {
            for (var i = 0; i < 9; i++)
            {
                NativeArgs.PushFloat(l, custom[i], ctx.Float32);
            }
        }
        else
        {
            FeatureFunctions.PushVector(l, ctx, radius * 2, Math.Max(1, height), radius * 2);
            FeatureFunctions.PushVector(l, ctx, 0, 0, 0);
            NativeArgs.PushInt(l, 1);
            NativeArgs.PushInt(l, 0);
            NativeArgs.PushInt(l, 1);
        }

        NativeArgs.PushBool(l, false);
        return 10;
    }
}
