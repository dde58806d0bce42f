namespace BarHarness.World;

/// <summary>
/// The unit-def fields the per-frame loops read, as arrays indexed by unit def id, so a loop over
/// thousands of units reads a number instead of a record.
/// </summary>
internal sealed class UnitDefStats
{
    public UnitDefStats(UnitDefCatalog defs)
    {
        var slots = defs.Count + 1;
        LosRadius = new float[slots];
        RadarRadius = new float[slots];
        SpeedPerFrame = new float[slots];
        Health = new float[slots];
        CanFly = new bool[slots];
        IsBuilder = new bool[slots];
        foreach (var d in defs.All)
        {
            LosRadius[d.Id] = d.LosRadius;
            RadarRadius[d.Id] = d.RadarRadius;
            SpeedPerFrame[d.Id] = d.SpeedPerFrame;
            Health[d.Id] = d.Health;
            CanFly[d.Id] = d.CanFly;
            IsBuilder[d.Id] = d.IsBuilder;
        }
    }

    public float[] LosRadius { get; }

    public float[] RadarRadius { get; }

    public float[] SpeedPerFrame { get; }

    public float[] Health { get; }

    public bool[] CanFly { get; }

    public bool[] IsBuilder { get; }
}
