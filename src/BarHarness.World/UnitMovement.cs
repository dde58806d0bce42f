namespace BarHarness.World;

/// <summary>
/// Mobile units wander: each walks in a straight line to a random point nearby, at its type's
/// speed, following the terrain (aircraft at flight height), then picks another.
/// </summary>
internal sealed class UnitMovement(UnitTable units, UnitDefStats defs, Terrain terrain, ApiHazards hazards,
    int mapSizeX, int mapSizeZ, SeededRandom random)
{
    public const float FlightHeight = 150f;
    private const float WanderRange = 1200f;

    public float GroundOffset(int defId) => defs.CanFly[defId] ? FlightHeight : 0;

    public void Step()
    {
        var u = units;
        var count = u.Count;
        for (var s = 0; s < count; s++)
        {
            var left = u.FramesToTarget[s];
            if (left == int.MaxValue)
            {
                continue;
            }

            if (left <= 0)
            {
                PickNewTarget(s);
            }

            var x = u.X[s] + u.VX[s];
            var z = u.Z[s] + u.VZ[s];
            var y = terrain.HeightAt(x, z) + GroundOffset(u.DefId[s]);
            u.VY[s] = y - u.Y[s];
            u.X[s] = x;
            u.Y[s] = y;
            u.Z[s] = z;
            u.FramesToTarget[s]--;
        }
    }

    private void PickNewTarget(int s)
    {
        var u = units;
        var speed = defs.SpeedPerFrame[u.DefId[s]];
        var x = u.X[s];
        var z = u.Z[s];
        if (!float.IsFinite(x) || !float.IsFinite(z) || speed <= 0)
        {
            u.VX[s] = u.VZ[s] = 0;
            u.FramesToTarget[s] = int.MaxValue; // stuck (edge data): never moves again
            return;
        }

        var outside = x < 0 || z < 0 || x > mapSizeX || z > mapSizeZ;
        float tx, tz;
        if (outside && hazards.KeepUnitsBeyondMap)
        {
            tx = x + (float)random.NextDouble(-WanderRange, WanderRange);
            tz = z + (float)random.NextDouble(-WanderRange, WanderRange);
        }
        else
        {
            tx = Math.Clamp(x + (float)random.NextDouble(-WanderRange, WanderRange), 0, mapSizeX);
            tz = Math.Clamp(z + (float)random.NextDouble(-WanderRange, WanderRange), 0, mapSizeZ);
        }

        u.HeadTowards(s, tx, tz, speed);
    }
}
