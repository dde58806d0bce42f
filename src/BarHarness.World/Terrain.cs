namespace BarHarness.World;

/// <summary>Ground height on a coarse precomputed grid, so a height lookup is one array read.</summary>
public sealed class Terrain
{
    public const int CellSize = 64;
    private readonly float[] _heights;
    private readonly int _cellsX, _cellsZ;

    public Terrain(int mapSizeX, int mapSizeZ, SeededRandom random)
    {
        _cellsX = (mapSizeX / CellSize) + 1;
        _cellsZ = (mapSizeZ / CellSize) + 1;
        _heights = new float[_cellsX * _cellsZ];
        var phaseX = random.NextDouble(0, Math.Tau);
        var phaseZ = random.NextDouble(0, Math.Tau);
        var baseHeight = random.NextDouble(20, 120);
        for (var cz = 0; cz < _cellsZ; cz++)
        {
            for (var cx = 0; cx < _cellsX; cx++)
            {
                var x = cx * CellSize;
                var z = cz * CellSize;
                var hills = 60 * Math.Sin((x / 900.0) + phaseX) * Math.Cos((z / 700.0) + phaseZ);
                _heights[(cz * _cellsX) + cx] = (float)(baseHeight + hills + (15 * Math.Sin(x / 173.0)));
            }
        }
    }

    public float HeightAt(float x, float z)
    {
        // Off-map positions read the nearest edge cell; float-to-int casts saturate in .NET (NaN gives 0).
        var cx = Math.Clamp((int)(x * (1f / CellSize)), 0, _cellsX - 1);
        var cz = Math.Clamp((int)(z * (1f / CellSize)), 0, _cellsZ - 1);
        return _heights[(cz * _cellsX) + cx];
    }
}
