namespace BarHarness.World;

/// <summary>
/// A coarse coverage grid for one sensor (LOS or radar) of one ally team, rebuilt from scratch on
/// each refresh by stamping a disc per allied sensor unit. Discs are drawn as row spans from a
/// per-radius table, so a refresh is a few span fills per unit and never allocates.
/// </summary>
public sealed class SensorGrid
{
    /// <summary>
    /// Elmos per grid cell (16 map squares). Coarser than Recoil's LOS map, on purpose: a refresh of
    /// 1000 units then costs a few microseconds, and widgets only see enter/leave transitions.
    /// </summary>
    public const int CellSize = 128;

    private static readonly int[][] DiscHalfWidths = BuildDiscTable(48);

    private readonly byte[] _cells;

    public SensorGrid(int mapSizeX, int mapSizeZ)
    {
        CellsX = (mapSizeX / CellSize) + 1;
        CellsZ = (mapSizeZ / CellSize) + 1;
        _cells = new byte[CellsX * CellsZ];
    }

    public int CellsX { get; }

    public int CellsZ { get; }

    public void Clear() => Array.Clear(_cells);

    public void StampDisc(float x, float z, float radius)
    {
        if (!float.IsFinite(x) || !float.IsFinite(z) || radius <= 0)
        {
            return;
        }

        var cx = (int)MathF.Floor(x / CellSize);
        var cz = (int)MathF.Floor(z / CellSize);
        var r = Math.Min((int)((radius / CellSize) + 0.5f), DiscHalfWidths.Length - 1);
        var widths = DiscHalfWidths[r];
        for (var dz = -r; dz <= r; dz++)
        {
            var row = cz + dz;
            if ((uint)row >= (uint)CellsZ)
            {
                continue;
            }

            var half = widths[dz + r];
            var from = Math.Max(cx - half, 0);
            var to = Math.Min(cx + half, CellsX - 1);
            if (to >= from)
            {
                _cells.AsSpan((row * CellsX) + from, to - from + 1).Fill(1);
            }
        }
    }

    public bool Covers(float x, float z)
    {
        // !(x >= 0) also refuses NaN; +Inf saturates to int.MaxValue and fails the range check.
        if (!(x >= 0) || !(z >= 0))
        {
            return false;
        }

        var cx = (int)(x * (1f / CellSize));
        var cz = (int)(z * (1f / CellSize));
        return (uint)cx < (uint)CellsX && (uint)cz < (uint)CellsZ && _cells[(cz * CellsX) + cx] != 0;
    }

    private static int[][] BuildDiscTable(int maxRadius)
    {
        var table = new int[maxRadius + 1][];
        for (var r = 0; r <= maxRadius; r++)
        {
            table[r] = new int[(2 * r) + 1];
            for (var dz = -r; dz <= r; dz++)
            {
                table[r][dz + r] = (int)Math.Floor(Math.Sqrt(((r + 0.5) * (r + 0.5)) - (dz * dz)));
            }
        }

        return table;
    }
}
