namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Draw and selection flags of units and features (LuaUnsyncedRead/LuaUnsyncedCtrl). Getters read
/// any unit the player can see; setters act only on objects of the team the player controls
/// (Recoil's CanControlTeam: a spectator controls nothing, Gaia's map features belong to no player)
/// and take a real boolean (luaL_checkboolean). Nothing is drawn: what a widget sets, it reads back.
/// </summary>
internal static unsafe class ObjectDrawFunctions
{
    public static int GetUnitNoDraw(IntPtr l) => UnitFlag(l, "GetUnitNoDraw", static d => d.NoDraw);

    public static int GetUnitLuaDraw(IntPtr l) => UnitFlag(l, "GetUnitLuaDraw", static d => d.LuaDraw);

    public static int GetUnitNoSelect(IntPtr l) => UnitFlag(l, "GetUnitNoSelect", static d => d.NoSelect);

    public static int GetUnitNoMinimap(IntPtr l) => UnitFlag(l, "GetUnitNoMinimap", static d => d.NoMinimap);

    public static int GetUnitNoGroup(IntPtr l) => UnitFlag(l, "GetUnitNoGroup", static d => d.NoGroup);

    public static int GetUnitAlwaysUpdateMatrix(IntPtr l) =>
        UnitFlag(l, "GetUnitAlwaysUpdateMatrix", static d => d.AlwaysUpdateMatrix);

    public static int UnitIconGetDraw(IntPtr l) => UnitFlag(l, "UnitIconGetDraw", static d => d.DrawIcon);

    public static int GetUnitEngineDrawMask(IntPtr l) =>
        UnitAccess.Read(l, 1, "GetUnitEngineDrawMask", UnitReadLevel.Visible, out var ctx, out var s)
            ? NativeArgs.Answer(l, ctx.Drawing.Unit(ctx.World.Units.IdAt[s]).EngineDrawMask)
            : 0;

    /// <summary>GetUnitDrawFlag(u) → 1 (opaque pass) while the unit is in the camera's view, 0 otherwise.</summary>
    public static int GetUnitDrawFlag(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitDrawFlag", UnitReadLevel.Visible, out var ctx, out var s))
        {
            return 0;
        }

        var u = ctx.World.Units;
        var drawn = !ctx.Drawing.Unit(u.IdAt[s]).NoDraw
            && CameraFunctions.InView(ctx, u.X[s], u.Y[s], u.Z[s], UnitAccess.Def(ctx, s).Radius);
        return NativeArgs.Answer(l, drawn ? 1 : 0);
    }

    public static int GetUnitPaletteIndex(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitPaletteIndex", UnitReadLevel.Visible, out var ctx, out var s))
        {
            return 0;
        }

        var index = ctx.Drawing.Unit(ctx.World.Units.IdAt[s]).PaletteIndex;
        if (index < 0)
        {
            return 0;
        }

        return NativeArgs.Answer(l, index);
    }

    /// <summary>GetUnitSelectionVolumeData(u) → Recoil's 10-value volume tuple.</summary>
    public static int GetUnitSelectionVolumeData(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitSelectionVolumeData", UnitReadLevel.Visible, out var ctx, out var s))
        {
            return 0;
        }

        var def = UnitAccess.Def(ctx, s);
        return CollisionVolume.Push(l, ctx, def.Radius, def.Height,
            ctx.Drawing.Unit(ctx.World.Units.IdAt[s]).SelectionVolume);
    }

    /// <summary>GetUnitTransformMatrix(u, [inverse]) → 16 numbers, column-major (Recoil's CMatrix44f).</summary>
    public static int GetUnitTransformMatrix(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "GetUnitTransformMatrix", UnitReadLevel.Visible, out var ctx, out var s))
        {
            return 0;
        }

        var u = ctx.World.Units;
        return PushTransform(l, ctx, u.X[s], u.Y[s], u.Z[s], u.Heading[s], NativeArgs.OptBool(l, 2, false));
    }

    public static int SetUnitNoDraw(IntPtr l) => SetUnitFlag(l, "SetUnitNoDraw", static (d, v) => d.NoDraw = v);

    public static int SetUnitNoSelect(IntPtr l) => SetUnitFlag(l, "SetUnitNoSelect", static (d, v) => d.NoSelect = v);

    public static int SetUnitNoMinimap(IntPtr l) => SetUnitFlag(l, "SetUnitNoMinimap", static (d,
        v) => d.NoMinimap = v);

    /// <summary>SetUnitNoGroup(u, bool): true also takes the unit out of its control group.</summary>
    public static int SetUnitNoGroup(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!ControlledUnit(l, ctx, "SetUnitNoGroup", out var unitId) || !CheckBoolean(l, 2, "SetUnitNoGroup",
            out var v))
        {
            return 0;
        }

        ctx.Drawing.UnitForWrite(unitId).NoGroup = v;
        if (v)
        {
            ctx.World.Selection.SetGroup(unitId, -1);
        }

        return 0;
    }

    public static int SetUnitAlwaysUpdateMatrix(IntPtr l) =>
        SetUnitFlag(l, "SetUnitAlwaysUpdateMatrix", static (d, v) => d.AlwaysUpdateMatrix = v);

    public static int SetUnitIconDraw(IntPtr l) => SetUnitFlag(l, "SetUnitIconDraw", static (d, v) => d.DrawIcon = v);

    public static int UnitIconSetDraw(IntPtr l) => SetUnitFlag(l, "UnitIconSetDraw", static (d, v) => d.DrawIcon = v);

    public static int SetUnitEngineDrawMask(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!ControlledUnit(l, ctx, "SetUnitEngineDrawMask", out var unitId)
            || !NativeArgs.CheckInt(l, 2, "SetUnitEngineDrawMask", out var mask))
        {
            return 0;
        }

        ctx.Drawing.UnitForWrite(unitId).EngineDrawMask = mask & 0xFF;
        return 0;
    }

    public static int SetUnitPaletteIndex(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!ControlledUnit(l, ctx, "SetUnitPaletteIndex", out var unitId))
        {
            return 0;
        }

        ctx.Drawing.UnitForWrite(unitId).PaletteIndex = NativeArgs.OptInt(l, 2, -1);
        return 0;
    }

    public static int SetUnitSelectionVolumeData(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!ControlledUnit(l, ctx, "SetUnitSelectionVolumeData", out var unitId)
            || !VolumeArgs(l, "SetUnitSelectionVolumeData", out var volume))
        {
            return 0;
        }

        ctx.Drawing.UnitForWrite(unitId).SelectionVolume = volume;
        return 0;
    }

    /// <summary>SetUnitIcon(u, [iconName]) → nothing; GetUnitIcon then answers the name (nil restores the
    /// def's).</summary>
    public static int SetUnitIcon(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!ControlledUnit(l, ctx, "SetUnitIcon", out var unitId))
        {
            return 0;
        }

        ctx.Drawing.UnitForWrite(unitId).Icon = LuaApi.lua_type(l, 2) <= LuaApi.LUA_TNIL ? null
            : LuaApi.ToStringValue(l, 2);
        return 0;
    }

    /// <summary>GetUnitIcon(u) → the unit's icon name ("default" unless set).</summary>
    public static int GetUnitIcon(IntPtr l) =>
        UnitAccess.Read(l, 1, "GetUnitIcon", UnitReadLevel.Visible, out var ctx, out var s)
            ? NativeArgs.Answer(l, ctx.Drawing.Unit(ctx.World.Units.IdAt[s]).Icon ?? "default")
            : 0;

    public static int GetFeatureNoDraw(IntPtr l) => FeatureFlag(l, "GetFeatureNoDraw", static d => d.NoDraw);

    public static int GetFeatureLuaDraw(IntPtr l) => FeatureFlag(l, "GetFeatureLuaDraw", static d => d.LuaDraw);

    public static int GetFeatureAlwaysUpdateMatrix(IntPtr l) =>
        FeatureFlag(l, "GetFeatureAlwaysUpdateMatrix", static d => d.AlwaysUpdateMatrix);

    public static int GetFeatureEngineDrawMask(IntPtr l) =>
        FeatureAccess.Readable(l, 1, "GetFeatureEngineDrawMask", out var ctx, out var f)
            ? NativeArgs.Answer(l, ctx.Drawing.Feature(f.Id).EngineDrawMask)
            : 0;

    public static int GetFeatureDrawFlag(IntPtr l)
    {
        if (!FeatureAccess.Readable(l, 1, "GetFeatureDrawFlag", out var ctx, out var f))
        {
            return 0;
        }

        var drawn = !ctx.Drawing.Feature(f.Id).NoDraw && CameraFunctions.InView(ctx, f.X, f.Y, f.Z, f.Def.Radius);
        return NativeArgs.Answer(l, drawn ? 1 : 0);
    }

    public static int GetFeaturePaletteIndex(IntPtr l)
    {
        var f = FeatureAccess.Read(l, 1, "GetFeaturePaletteIndex", out var ctx);
        var index = f is null ? -1 : ctx.Drawing.Feature(f.Id).PaletteIndex;
        if (index < 0)
        {
            return 0;
        }

        return NativeArgs.Answer(l, index);
    }

    public static int GetFeatureSelectionVolumeData(IntPtr l)
    {
        var f = FeatureAccess.Read(l, 1, "GetFeatureSelectionVolumeData", out var ctx);
        return f is null ? 0 : CollisionVolume.Push(l, ctx, f.Def.Radius, f.Def.Height,
            ctx.Drawing.Feature(f.Id).SelectionVolume);
    }

    public static int GetFeatureTransformMatrix(IntPtr l)
    {
        var f = FeatureAccess.Read(l, 1, "GetFeatureTransformMatrix", out var ctx);
        return f is null ? 0 : PushTransform(l, ctx, f.X, f.Y, f.Z, f.Heading, NativeArgs.OptBool(l, 2, false));
    }

    public static int SetFeatureNoDraw(IntPtr l) => SetFeatureFlag(l, "SetFeatureNoDraw", static (d,
        v) => d.NoDraw = v);

    public static int SetFeatureFade(IntPtr l) => SetFeatureFlag(l, "SetFeatureFade", static (d, v) => d.AllowFade = v);

    public static int SetFeatureAlwaysUpdateMatrix(IntPtr l) =>
        SetFeatureFlag(l, "SetFeatureAlwaysUpdateMatrix", static (d, v) => d.AlwaysUpdateMatrix = v);

    public static int SetFeatureEngineDrawMask(IntPtr l)
    {
        var f = ControlledFeature(l, "SetFeatureEngineDrawMask", out var ctx);
        if (f is null || !NativeArgs.CheckInt(l, 2, "SetFeatureEngineDrawMask", out var mask))
        {
            return 0;
        }

        ctx.Drawing.FeatureForWrite(f.Id).EngineDrawMask = mask & 0xFF;
        return 0;
    }

    public static int SetFeaturePaletteIndex(IntPtr l)
    {
        var f = ControlledFeature(l, "SetFeaturePaletteIndex", out var ctx);
        if (f is not null)
        {
            ctx.Drawing.FeatureForWrite(f.Id).PaletteIndex = NativeArgs.OptInt(l, 2, -1);
        }

        return 0;
    }

    public static int SetFeatureSelectionVolumeData(IntPtr l)
    {
        var f = ControlledFeature(l, "SetFeatureSelectionVolumeData", out var ctx);
        if (f is not null && VolumeArgs(l, "SetFeatureSelectionVolumeData", out var volume))
        {
            ctx.Drawing.FeatureForWrite(f.Id).SelectionVolume = volume;
        }

        return 0;
    }

    private static int PushTransform(IntPtr l, EngineApiContext ctx, float x, float y, float z, short heading,
        bool inverse)
    {
        var (fx, fz) = Orientation.Front(heading);
        // Columns: x axis (the object's left, Recoil's -rightdir), y axis (up), z axis (front), position.
        double[] m = [fz, 0, -fx, 0, 0, 1, 0, 0, fx, 0, fz, 0, x, y, z, 1];
        if (inverse)
        {
            // Inverse of a rotation about y plus a translation: transpose the rotation, rotate back the position.
            m = [fz, 0, fx, 0, 0, 1, 0, 0, -fx, 0, fz, 0,
                -((fz * x) - (fx * z)), -y, -((fx * x) + (fz * z)), 1];
        }

        foreach (var v in m)
        {
            NativeArgs.PushFloat(l, v, ctx.Float32);
        }

        return 16;
    }

    private static int UnitFlag(IntPtr l, string function, Func<ObjectDrawState, bool> read)
    {
        if (!UnitAccess.Read(l, 1, function, UnitReadLevel.Visible, out var ctx, out var s))
        {
            return 0;
        }

        return NativeArgs.Answer(l, read(ctx.Drawing.Unit(ctx.World.Units.IdAt[s])));
    }

    private static int FeatureFlag(IntPtr l, string function, Func<ObjectDrawState, bool> read)
    {
        var f = FeatureAccess.Read(l, 1, function, out var ctx);
        if (f is null)
        {
            return 0;
        }

        return NativeArgs.Answer(l, read(ctx.Drawing.Feature(f.Id)));
    }

    private static int SetUnitFlag(IntPtr l, string function, Action<ObjectDrawState, bool> write)
    {
        var ctx = NativeArgs.Enter(l);
        if (ControlledUnit(l, ctx, function, out var unitId) && CheckBoolean(l, 2, function, out var v))
        {
            write(ctx.Drawing.UnitForWrite(unitId), v);
        }

        return 0;
    }

    private static int SetFeatureFlag(IntPtr l, string function, Action<ObjectDrawState, bool> write)
    {
        var f = ControlledFeature(l, function, out var ctx);
        if (f is not null && CheckBoolean(l, 2, function, out var v))
        {
            write(ctx.Drawing.FeatureForWrite(f.Id), v);
        }

        return 0;
    }

    /// <summary>Recoil's ParseCtrlUnit: a number id of a live unit of the team the player controls.</summary>
    private static bool ControlledUnit(IntPtr l, EngineApiContext ctx, string function, out int unitId)
    {
        unitId = 0;
        int isNum;
        var value = LuaApi.lua_tonumberx(l, 1, &isNum);
        if (isNum == 0)
        {
            LuaRuntime.RaiseError(l, $"[ParseRawUnit] ID parameter in {function}() not a number", function);
            return false;
        }

        unitId = (int)value;
        var w = ctx.World;
        var s = w.Units.Slot(unitId);
        return s >= 0 && !w.LocalIsSpectator && w.Units.Team[s] == w.LocalTeamId;
    }

    private static MapFeature? ControlledFeature(IntPtr l, string function, out EngineApiContext ctx)
    {
        ctx = NativeArgs.Enter(l);
        int isNum;
        var value = LuaApi.lua_tonumberx(l, 1, &isNum);
        if (isNum == 0)
        {
            LuaRuntime.RaiseError(l, $"[ParseRawFeature] ID parameter in {function}() not a number", function);
            return null;
        }

        var w = ctx.World;
        var f = w.Features.Get((int)value);
        return f is not null && !w.LocalIsSpectator && f.TeamId == w.LocalTeamId ? f : null;
    }

    /// <summary>luaL_checkboolean: only a boolean will do.</summary>
    private static bool CheckBoolean(IntPtr l, int index, string function, out bool value)
    {
        value = false;
        if (LuaApi.lua_type(l, index) != LuaApi.LUA_TBOOLEAN)
        {
            LuaRuntime.RaiseError(l, $"bad argument #{index} to '{function}' (boolean expected, got "
                + LuaApi.TypeName(LuaApi.lua_type(l, index)) + ")", function);
            return false;
        }

        value = LuaApi.lua_toboolean(l, index) != 0;
        return true;
    }

    /// <summary>scaleX, scaleY, scaleZ, offsetX, offsetY, offsetZ, volumeType, testType, primaryAxis.</summary>
    private static bool VolumeArgs(IntPtr l, string function, out double[] volume)
    {
        volume = new double[9];
        for (var i = 0; i < 9; i++)
        {
            if (!NativeArgs.CheckNumber(l, i + 2, function, out volume[i]))
            {
                return false;
            }
        }

        return true;
    }
}
