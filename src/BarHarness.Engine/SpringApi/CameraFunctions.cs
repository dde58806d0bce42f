namespace BarHarness.Engine.SpringApi;

/// <summary>
/// The camera: a top-down view from the context's camera position with a 45° vertical field of
/// view over the game window. World and screen conversions, ray traces onto the ground and view
/// tests all use that one model, so they agree with each other (screen y grows upwards, as in
/// Recoil; world z grows down the screen).
/// </summary>
internal static unsafe class CameraFunctions
{
    public const float VerticalFov = 45f;

    public static int GetCameraDirection(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        NativeArgs.PushFloat(l, 0, ctx.Float32);
        NativeArgs.PushFloat(l, -1, ctx.Float32);
        NativeArgs.PushFloat(l, 0, ctx.Float32);
        return 3;
    }

    /// <summary>GetCameraFOV() → vertical and horizontal field of view in degrees.</summary>
    public static int GetCameraFOV(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var aspect = ctx.ViewSize.X / (double)ctx.ViewSize.Y;
        var h = 2 * Math.Atan(Math.Tan(VerticalFov * Math.PI / 360) * aspect) * 180 / Math.PI;
        NativeArgs.PushFloat(l, VerticalFov, ctx.Float32);
        NativeArgs.PushFloat(l, h, ctx.Float32);
        return 2;
    }

    /// <summary>GetCameraState() → {name, mode, px, py, pz, dx, dy, dz, height, fov}.</summary>
    public static int GetCameraState(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var c = ctx.Camera;
        LuaApi.lua_createtable(l, 0, 10);
        LuaApi.PushString(l, "ta");
        LuaApi.SetField(l, -2, "name");
        LuaTables.SetInt(l, "mode", 1);
        SetNumber(l, ctx, "px", c.X);
        SetNumber(l, ctx, "py", c.Y);
        SetNumber(l, ctx, "pz", c.Z);
        SetNumber(l, ctx, "dx", 0);
        SetNumber(l, ctx, "dy", -1);
        SetNumber(l, ctx, "dz", 0);
        SetNumber(l, ctx, "height", c.Y);
        SetNumber(l, ctx, "fov", VerticalFov);
        return 1;
    }

    /// <summary>SetCameraState(state, [time]) → true; px/py/pz (or height) of the table move the camera.</summary>
    public static int SetCameraState(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (LuaApi.lua_type(l, 1) != LuaApi.LUA_TTABLE)
        {
            return BarHarness.LuaHost.Runtime.LuaRuntime.RaiseError(l,
                "bad argument #1 to 'SetCameraState' (table expected, got "
                + LuaApi.TypeName(LuaApi.lua_type(l, 1)) + ")",
                "SetCameraState");
        }

        var c = ctx.Camera;
        var x = Field(l, "px", c.X);
        var z = Field(l, "pz", c.Z);
        var y = Field(l, "py", Field(l, "height", c.Y));
        ctx.Camera = new CameraState(x, Math.Max(1, y), z);
        return NativeArgs.Answer(l, true);
    }

    /// <summary>GetCameraVectors() → {forward, up, right} unit vectors of the top-down camera.</summary>
    public static int GetCameraVectors(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        LuaApi.lua_createtable(l, 0, 3);
        LuaTables.PushNumberList(l, [0, -1, 0], ctx.Float32);
        LuaApi.SetField(l, -2, "forward");
        LuaTables.PushNumberList(l, [0, 0, -1], ctx.Float32);
        LuaApi.SetField(l, -2, "up");
        LuaTables.PushNumberList(l, [1, 0, 0], ctx.Float32);
        LuaApi.SetField(l, -2, "right");
        return 1;
    }

    /// <summary>
    /// WorldToScreenCoords(x, y, z) → sx, sy, depth (0 at the camera, 1 at the ground plane y = 0).
    /// </summary>
    public static int WorldToScreenCoords(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckNumbers(l, 1, "WorldToScreenCoords", out var x, out var y, out var z))
        {
            return 0;
        }

        var (sx, sy) = ToScreen(ctx, x, y, z);
        NativeArgs.PushFloat(l, sx, ctx.Float32);
        NativeArgs.PushFloat(l, sy, ctx.Float32);
        NativeArgs.PushFloat(l, Math.Clamp((ctx.Camera.Y - y) / ctx.Camera.Y, 0, 1), ctx.Float32);
        return 3;
    }

    /// <summary>
    /// TraceScreenRay(sx, sy) → "ground", {x, y, z} where the ray from the camera meets the ground;
    /// nothing when it misses the map.
    /// </summary>
    public static int TraceScreenRay(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckNumbers(l, 1, "TraceScreenRay", out var sx, out var sy))
        {
            return 0;
        }

        var (x, z) = ToGround(ctx, sx, sy, 0);
        var y = ctx.World.Terrain.HeightAt((float)x, (float)z);
        (x, z) = ToGround(ctx, sx, sy, y);
        if (x < 0 || z < 0 || x > ctx.World.MapSizeX || z > ctx.World.MapSizeZ)
        {
            return 0;
        }

        LuaApi.PushString(l, "ground");
        LuaTables.PushNumberList(l, [x, ctx.World.Terrain.HeightAt((float)x, (float)z), z], ctx.Float32);
        return 2;
    }

    /// <summary>IsSphereInView(x, y, z, [radius]) → whether any of the sphere is on screen.</summary>
    public static int IsSphereInView(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckNumbers(l, 1, "IsSphereInView", out var x, out var y, out var z))
        {
            return 0;
        }

        return NativeArgs.Answer(l, InView(ctx, x, y, z, NativeArgs.OptNumber(l, 4, 0)));
    }

    /// <summary>IsAABBInView(minX, minY, minZ, maxX, maxY, maxZ).</summary>
    public static int IsAABBInView(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var v = new double[6];
        for (var i = 0; i < 6; i++)
        {
            if (!NativeArgs.CheckNumber(l, i + 1, "IsAABBInView", out v[i]))
            {
                return 0;
            }
        }

        var (cx, cy, cz) = ((v[0] + v[3]) / 2, (v[1] + v[4]) / 2, (v[2] + v[5]) / 2);
        var r = Math.Sqrt(Math.Pow(v[3] - v[0], 2) + Math.Pow(v[4] - v[1], 2) + Math.Pow(v[5] - v[2], 2)) / 2;
        return NativeArgs.Answer(l, InView(ctx, cx, cy, cz, r));
    }

    /// <summary>IsUnitInView(u) → whether a unit the player can see is on screen; nothing for others.</summary>
    public static int IsUnitInView(IntPtr l)
    {
        if (!UnitAccess.Read(l, 1, "IsUnitInView", UnitReadLevel.Visible, out var ctx, out var s))
        {
            return 0;
        }

        var u = ctx.World.Units;
        return NativeArgs.Answer(l, InView(ctx, u.X[s], u.Y[s], u.Z[s], 0));
    }

    /// <summary>
    /// GetMiniMapGeometry() → posX, posY, sizeX, sizeY, minimized, maximized (top-left, BAR's size).
    /// </summary>
    public static int GetMiniMapGeometry(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        NativeArgs.PushInt(l, 0);
        NativeArgs.PushInt(l, ctx.ViewSize.Y - 320);
        NativeArgs.PushInt(l, 320);
        NativeArgs.PushInt(l, 320);
        NativeArgs.PushBool(l, false);
        NativeArgs.PushBool(l, false);
        return 6;
    }

    /// <summary>GetWindowGeometry() → size, position and borders of the (borderless) game window.</summary>
    public static int GetWindowGeometry(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        ViewFunctions.PushViewSize(l, ctx);
        for (var i = 0; i < 6; i++)
        {
            NativeArgs.PushInt(l, 0);
        }

        return 8;
    }

    /// <summary>
    /// GetScreenGeometry() → display size and position: the window fills the display, so the view's.
    /// </summary>
    public static int GetScreenGeometry(IntPtr l) => ViewFunctions.GetViewGeometry(l);

    private static double HalfHeightAt(EngineApiContext ctx, double y) =>
        Math.Max(1, ctx.Camera.Y - y) * Math.Tan(VerticalFov * Math.PI / 360);

    internal static (double X, double Y) ToScreen(EngineApiContext ctx, double x, double y, double z)
    {
        var halfH = HalfHeightAt(ctx, y);
        var halfW = halfH * ctx.ViewSize.X / ctx.ViewSize.Y;
        var sx = (ctx.ViewSize.X / 2.0) + ((x - ctx.Camera.X) / halfW * ctx.ViewSize.X / 2);
        var sy = (ctx.ViewSize.Y / 2.0) + ((ctx.Camera.Z - z) / halfH * ctx.ViewSize.Y / 2);
        return (sx, sy);
    }

    internal static (double X, double Z) ToGround(EngineApiContext ctx, double sx, double sy, double y)
    {
        var halfH = HalfHeightAt(ctx, y);
        var halfW = halfH * ctx.ViewSize.X / ctx.ViewSize.Y;
        var x = ctx.Camera.X + ((sx - (ctx.ViewSize.X / 2.0)) / (ctx.ViewSize.X / 2.0) * halfW);
        var z = ctx.Camera.Z - ((sy - (ctx.ViewSize.Y / 2.0)) / (ctx.ViewSize.Y / 2.0) * halfH);
        return (x, z);
    }

    internal static bool InView(EngineApiContext ctx, double x, double y, double z, double radius)
    {
        if (y - radius >= ctx.Camera.Y)
        {
            return false; // behind (above) the camera
        }

        var halfH = HalfHeightAt(ctx, y);
        var halfW = halfH * ctx.ViewSize.X / ctx.ViewSize.Y;
        return Math.Abs(x - ctx.Camera.X) <= halfW + radius && Math.Abs(z - ctx.Camera.Z) <= halfH + radius;
    }

    private static void SetNumber(IntPtr l, EngineApiContext ctx, string key, double value)
    {
        NativeArgs.PushFloat(l, value, ctx.Float32);
        LuaApi.SetField(l, -2, key);
    }

    private static float Field(IntPtr l, string key, float fallback)
    {
        LuaApi.GetField(l, 1, key);
        var value = LuaApi.lua_type(l, -1) == LuaApi.LUA_TNUMBER ? (float)LuaApi.ToNumber(l, -1, out _) : fallback;
        LuaApi.Pop(l, 1);
        return value;
    }
}
