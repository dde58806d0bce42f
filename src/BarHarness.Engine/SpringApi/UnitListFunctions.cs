namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Unit lists. Allied units are always listed; enemy units only when visible (LOS or radar), as
/// Recoil's visibility test does. Allegiance arguments: a team id, or -1 all, -2 mine, -3 allied,
/// -4 enemy. After a list is handed over the world may apply its "unit dies right after the list"
/// hazard.
/// </summary>
internal static unsafe class UnitListFunctions
{
    private const int AllUnits = -1;
    private const int MyUnits = -2;
    private const int AllyUnits = -3;
    private const int EnemyUnits = -4;

    public static int GetAllUnits(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        return PushFiltered(l, ctx, AllUnits, Region.Everywhere);
    }

    public static int GetTeamUnits(IntPtr l)
    {
        if (!NativeArgs.ValidTeam(l, 1, "GetTeamUnits", out var ctx, out var team))
        {
            return 0;
        }

        return PushFiltered(l, ctx, team, Region.Everywhere);
    }

    public static int GetVisibleUnits(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        // The camera sees the whole map here; radius and icon arguments do not narrow the list.
        var allegiance = NativeArgs.OptInt(l, 1, AllUnits);
        return PushFiltered(l, ctx, allegiance, Region.Everywhere);
    }

    /// <summary>GetUnitsInRectangle(xmin, zmin, xmax, zmax, [allegiance]).</summary>
    public static int GetUnitsInRectangle(IntPtr l) => InRegion(l, "GetUnitsInRectangle", 4,
        static v => Region.Rectangle((float)v[0], (float)v[1], (float)v[2], (float)v[3]));

    /// <summary>GetUnitsInCylinder(x, z, radius, [allegiance]).</summary>
    public static int GetUnitsInCylinder(IntPtr l) => InRegion(l, "GetUnitsInCylinder", 3,
        static v => Region.Circle((float)v[0], (float)v[1], (float)v[2]));

    /// <summary>GetUnitsInSphere(x, y, z, radius, [allegiance]): units within the radius in 3D.</summary>
    public static int GetUnitsInSphere(IntPtr l) => InRegion(l, "GetUnitsInSphere", 4,
        static v => Region.Sphere((float)v[0], (float)v[1], (float)v[2], (float)v[3]));

    /// <summary>GetUnitsInBox(xmin, ymin, zmin, xmax, ymax, zmax, [allegiance]).</summary>
    public static int GetUnitsInBox(IntPtr l) => InRegion(l, "GetUnitsInBox", 6,
        static v => Region.Box((float)v[0], (float)v[1], (float)v[2], (float)v[3], (float)v[4], (float)v[5]));

    private delegate Region RegionOf(ReadOnlySpan<double> numbers);

    /// <summary>
    /// A region query: <paramref name="count"/> required numbers that <paramref name="region"/> turns into
    /// the region, then an optional allegiance.
    /// </summary>
    private static int InRegion(IntPtr l, string function, int count, RegionOf region)
    {
        var ctx = NativeArgs.Enter(l);
        Span<double> numbers = stackalloc double[count];
        if (!NativeArgs.CheckNumbers(l, 1, function, numbers))
        {
            return 0;
        }

        var allegiance = NativeArgs.OptInt(l, count + 1, AllUnits);
        return PushFiltered(l, ctx, allegiance, region(numbers));
    }

    /// <summary>GetUnitArrayCentroid({unitID, ...}) → x, y, z of the readable units; nothing when none is.</summary>
    public static int GetUnitArrayCentroid(IntPtr l) => Centroid(l, "GetUnitArrayCentroid", keys: false);

    /// <summary>GetUnitMapCentroid({[unitID] = ...}) → x, y, z of the readable units; nothing when none is.</summary>
    public static int GetUnitMapCentroid(IntPtr l) => Centroid(l, "GetUnitMapCentroid", keys: true);

    private static int Centroid(IntPtr l, string function, bool keys)
    {
        var ctx = NativeArgs.Enter(l);
        if (LuaHost.Interop.LuaApi.lua_type(l, 1) != LuaHost.Interop.LuaApi.LUA_TTABLE)
        {
            return LuaHost.Runtime.LuaRuntime.RaiseError(l, $"bad argument #1 to '{function}' (table expected, got "
                + LuaHost.Interop.LuaApi.TypeName(LuaHost.Interop.LuaApi.lua_type(l, 1)) + ")", function);
        }

        double sx = 0, sy = 0, sz = 0;
        var n = 0;
        var u = ctx.World.Units;
        foreach (var id in LuaTables.UnitIds(l, 1, keys))
        {
            var s = u.Slot(id);
            if (s >= 0 && ctx.World.IsVisibleToLocal(s))
            {
                sx += u.X[s];
                sy += u.Y[s];
                sz += u.Z[s];
                n++;
            }
        }

        if (n == 0)
        {
            return 0;
        }

        NativeArgs.PushFloat(l, sx / n, ctx.Float32);
        NativeArgs.PushFloat(l, sy / n, ctx.Float32);
        NativeArgs.PushFloat(l, sz / n, ctx.Float32);
        return 3;
    }

    private static int PushFiltered(IntPtr l, EngineApiContext ctx, int allegiance, Region region)
    {
        var w = ctx.World;
        var u = w.Units;
        var count = u.Count;
        var buffer = ctx.UnitBuffer(count);
        var n = 0;
        var myTeam = w.LocalTeamId;
        var myAlly = w.LocalAllyTeamId;
        for (var s = 0; s < count; s++)
        {
            var team = u.Team[s];
            var pass = allegiance switch
            {
                >= 0 => team == allegiance,
                MyUnits => team == myTeam,
                AllyUnits => u.AllyTeam[s] == myAlly,
                EnemyUnits => u.AllyTeam[s] != myAlly,
                _ => true,
            };
            if (pass && w.IsVisibleToLocal(s) && region.Contains(u.X[s], u.Y[s], u.Z[s]))
            {
                buffer[n++] = u.IdAt[s];
            }
        }

        var served = buffer.AsSpan(0, n);
        NativeArgs.PushIntList(l, served);
        w.OnUnitListServed(served);
        return 1;
    }

    private readonly record struct Region(int Kind, float A, float B, float C, float D, float E = 0, float F = 0)
    {
        public static Region Sphere(float x, float y, float z, float radius) => new(3, x, y, z, radius * radius);

        public static Region Box(float x0, float y0, float z0, float x1, float y1, float z1) =>
            new(4, x0, y0, z0, x1, y1, z1);

        public static Region Everywhere => new(0, 0, 0, 0, 0);

        public static Region Rectangle(float xmin, float zmin, float xmax, float zmax) =>
            new(1, xmin, zmin, xmax, zmax);

        public static Region Circle(float x, float z, float radius) => new(2, x, z, radius * radius, 0);

        public bool Contains(float x, float y, float z) => Kind switch
        {
            1 => x >= A && x <= C && z >= B && z <= D,
            2 => ((x - A) * (x - A)) + ((z - B) * (z - B)) <= C,
            3 => ((x - A) * (x - A)) + ((y - B) * (y - B)) + ((z - C) * (z - C)) <= D,
            4 => x >= A && x <= D && y >= B && y <= E && z >= C && z <= F,
            _ => true,
        };
    }
}
