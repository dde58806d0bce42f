namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Map and ground: heights from the synthetic terrain (no water: the water plane is at 0 and the
/// ground above it), normals from its slope, map bounds, LOS and radar at a position for an ally
/// team, wind and tide at BAR's usual calm values.
/// </summary>
internal static unsafe class MapFunctions
{
    /// <summary>Wind (elmos/frame) and tidal strength of the synthetic map.</summary>
    public const float WindX = 3f;
    public const float WindZ = 2f;
    public const float Tidal = 15f;

    public static int GetGroundHeight(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckNumbers(l, 1, "GetGroundHeight", out var x, out var z))
        {
            return 0;
        }

        return NativeArgs.Answer(l, ctx.World.Terrain.HeightAt((float)x, (float)z), ctx.Float32);
    }

    public static int GetGroundOrigHeight(IntPtr l) => GetGroundHeight(l);

    public static int GetSmoothMeshHeight(IntPtr l) => GetGroundHeight(l);

    /// <summary>GetGroundNormal(x, z) → nx, ny, nz, slope (1 - ny).</summary>
    public static int GetGroundNormal(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckNumbers(l, 1, "GetGroundNormal", out var x, out var z))
        {
            return 0;
        }

        var t = ctx.World.Terrain;
        const float d = 8f;
        var (fx, fz) = ((float)x, (float)z);
        var dx = (t.HeightAt(fx + d, fz) - t.HeightAt(fx - d, fz)) / (2 * d);
        var dz = (t.HeightAt(fx, fz + d) - t.HeightAt(fx, fz - d)) / (2 * d);
        var len = MathF.Sqrt((dx * dx) + 1 + (dz * dz));
        NativeArgs.PushFloat(l, -dx / len, ctx.Float32);
        NativeArgs.PushFloat(l, 1 / len, ctx.Float32);
        NativeArgs.PushFloat(l, -dz / len, ctx.Float32);
        NativeArgs.PushFloat(l, 1 - (1 / len), ctx.Float32);
        return 4;
    }

    /// <summary>GetGroundExtremes() → min, max height of the map (and the same for the current heights).</summary>
    public static int GetGroundExtremes(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var t = ctx.World.Terrain;
        float min = float.MaxValue, max = float.MinValue;
        for (var z = 0; z <= ctx.World.MapSizeZ; z += World.Terrain.CellSize)
        {
            for (var x = 0; x <= ctx.World.MapSizeX; x += World.Terrain.CellSize)
            {
                var h = t.HeightAt(x, z);
                min = Math.Min(min, h);
                max = Math.Max(max, h);
            }
        }

        NativeArgs.PushFloat(l, min, ctx.Float32);
        NativeArgs.PushFloat(l, max, ctx.Float32);
        NativeArgs.PushFloat(l, min, ctx.Float32);
        NativeArgs.PushFloat(l, max, ctx.Float32);
        return 4;
    }

    /// <summary>IsPosInMap(x, z) → inside the map rectangle.</summary>
    public static int IsPosInMap(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckNumbers(l, 1, "IsPosInMap", out var x, out var z))
        {
            return 0;
        }

        return NativeArgs.Answer(l, x >= 0 && z >= 0 && x <= ctx.World.MapSizeX && z <= ctx.World.MapSizeZ);
    }

    public static int IsPosInLos(IntPtr l) => PositionSensor(l, "IsPosInLos", radar: false);

    public static int IsPosInAirLos(IntPtr l) => PositionSensor(l, "IsPosInAirLos", radar: false);

    public static int IsPosInRadar(IntPtr l) => PositionSensor(l, "IsPosInRadar", radar: true);

    /// <summary>GetPositionLosState(x, y, z, [allyTeam]) → inLosOrRadar, inLos, inRadar, inJammer.</summary>
    public static int GetPositionLosState(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!ReadPosition(l, "GetPositionLosState", ctx, out var x, out var z, out var ally))
        {
            return 0;
        }

        var los = ctx.World.LocalHasFullView || ctx.World.IsPositionInLos(x, z, ally);
        var radar = ctx.World.LocalHasFullView || ctx.World.IsPositionInRadar(x, z, ally);
        NativeArgs.PushBool(l, los || radar);
        NativeArgs.PushBool(l, los);
        NativeArgs.PushBool(l, radar);
        NativeArgs.PushBool(l, false);
        return 4;
    }

    /// <summary>GetWind() → x, y, z, strength, normX, normY, normZ.</summary>
    public static int GetWind(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var strength = MathF.Sqrt((WindX * WindX) + (WindZ * WindZ));
        NativeArgs.PushFloat(l, WindX, ctx.Float32);
        NativeArgs.PushFloat(l, 0, ctx.Float32);
        NativeArgs.PushFloat(l, WindZ, ctx.Float32);
        NativeArgs.PushFloat(l, strength, ctx.Float32);
        NativeArgs.PushFloat(l, WindX / strength, ctx.Float32);
        NativeArgs.PushFloat(l, 0, ctx.Float32);
        NativeArgs.PushFloat(l, WindZ / strength, ctx.Float32);
        return 7;
    }

    public static int GetTidal(IntPtr l) => NativeArgs.ReturnFloat(l, static _ => Tidal);

    public static int GetWaterPlaneLevel(IntPtr l) => NativeArgs.ReturnFloat(l, static _ => 0);

    /// <summary>GetWaterLevel(x, z) → the water plane (0 here: no water on the synthetic map).</summary>
    public static int GetWaterLevel(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckNumber(l, 1, "GetWaterLevel", out _)
            || !NativeArgs.CheckNumber(l, 2, "GetWaterLevel", out _))
        {
            return 0;
        }

        return NativeArgs.Answer(l, 0, ctx.Float32);
    }

    /// <summary>GetMetalMapSize() → width and height in metal squares (16 elmos each).</summary>
    public static int GetMetalMapSize(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        NativeArgs.PushInt(l, ctx.World.MapSizeX / 16);
        NativeArgs.PushInt(l, ctx.World.MapSizeZ / 16);
        return 2;
    }

    /// <summary>GetMetalAmount(x, z) in metal squares → 0 (the synthetic map has no metal spots).</summary>
    public static int GetMetalAmount(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, "GetMetalAmount", out _) || !NativeArgs.CheckInt(l, 2, "GetMetalAmount", out _))
        {
            return 0;
        }

        return NativeArgs.Answer(l, 0, ctx.Float32);
    }

    private static int PositionSensor(IntPtr l, string function, bool radar)
    {
        var ctx = NativeArgs.Enter(l);
        if (!ReadPosition(l, function, ctx, out var x, out var z, out var ally))
        {
            return 0;
        }

        var covered = ctx.World.LocalHasFullView
            || (radar ? ctx.World.IsPositionInRadar(x, z, ally) : ctx.World.IsPositionInLos(x, z, ally));
        return NativeArgs.Answer(l, covered);
    }

    private static bool ReadPosition(IntPtr l, string function, EngineApiContext ctx, out float x, out float z,
        out int ally)
    {
        x = z = 0;
        ally = ctx.World.LocalAllyTeamId;
        if (!NativeArgs.CheckNumber(l, 1, function, out var px) || !NativeArgs.CheckNumber(l, 2, function, out _)
            || !NativeArgs.CheckNumber(l, 3, function, out var pz))
        {
            return false;
        }

        (x, z) = ((float)px, (float)pz);
        if (LuaApi.lua_type(l, 4) > LuaApi.LUA_TNIL)
        {
            ally = NativeArgs.OptInt(l, 4, ally);
            if (ally != ctx.World.LocalAllyTeamId && !ctx.World.LocalHasFullView)
            {
                ally = ctx.World.LocalAllyTeamId; // a player reads only its own ally team's sensors
            }
        }

        return true;
    }
}
