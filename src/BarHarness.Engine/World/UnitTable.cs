namespace BarHarness.Engine.World;

/// <summary>
/// Unit state as parallel arrays indexed by unit id (struct of arrays): a lookup by id is one
/// array read, the per-frame update walks a dense list of live ids without touching dead slots,
/// and nothing is allocated after construction. Ids run 1..capacity-1; slot 0 is never used.
/// Fields are internal: the engine API reads them directly in its hot paths, everyone else goes
/// through <see cref="IWorldTruth"/>.
/// </summary>
public sealed class UnitTable
{
    internal readonly bool[] Alive;
    internal readonly int[] DefId;
    internal readonly int[] Team;
    internal readonly int[] AllyTeam;
    internal readonly float[] X, Y, Z;

    /// <summary>Velocity in elmos per sim frame, as Recoil reports it.</summary>
    internal readonly float[] VX, VY, VZ;

    /// <summary>Recoil heading units: -32768..32767 for -pi..pi, 0 facing +z.</summary>
    internal readonly short[] Heading;
    internal readonly float[] Health, MaxHealth, BuildProgress, Paralyze;
    internal readonly float[] TargetX, TargetZ;
    internal readonly int[] FramesToTarget;

    /// <summary>Unit vector of the radar position error, scaled by the radar error size for blips.</summary>
    internal readonly float[] ErrX, ErrZ;

    /// <summary>One bit per ally team: in LOS now / in radar now / ever seen in LOS.</summary>
    internal readonly uint[] LosMask, RadarMask, SeenMask;

    /// <summary>The unit this unit is building (0 = none) and the builder of this unit (0 = none).</summary>
    internal readonly int[] CurrentBuild, BuiltBy;
    internal readonly int[] BuildFramesLeft;

    private readonly int[] _dense;
    private readonly int[] _denseIndex;
    private int _count;

    public UnitTable(int maxUnits)
    {
        Capacity = maxUnits + 1;
        Alive = new bool[Capacity];
        DefId = new int[Capacity];
        Team = new int[Capacity];
        AllyTeam = new int[Capacity];
        X = new float[Capacity];
        Y = new float[Capacity];
        Z = new float[Capacity];
        VX = new float[Capacity];
        VY = new float[Capacity];
        VZ = new float[Capacity];
        Heading = new short[Capacity];
        Health = new float[Capacity];
        MaxHealth = new float[Capacity];
        BuildProgress = new float[Capacity];
        Paralyze = new float[Capacity];
        TargetX = new float[Capacity];
        TargetZ = new float[Capacity];
        FramesToTarget = new int[Capacity];
        ErrX = new float[Capacity];
        ErrZ = new float[Capacity];
        LosMask = new uint[Capacity];
        RadarMask = new uint[Capacity];
        SeenMask = new uint[Capacity];
        CurrentBuild = new int[Capacity];
        BuiltBy = new int[Capacity];
        BuildFramesLeft = new int[Capacity];
        _dense = new int[Capacity];
        _denseIndex = new int[Capacity];
    }

    public int Capacity { get; }

    public int Count => _count;

    /// <summary>Live unit ids in storage order (stable between adds and removes of other units only).</summary>
    public ReadOnlySpan<int> AliveIds => _dense.AsSpan(0, _count);

    public bool IsAlive(int unitId) => (uint)unitId < (uint)Capacity && Alive[unitId];

    internal void Add(int unitId)
    {
        Alive[unitId] = true;
        _denseIndex[unitId] = _count;
        _dense[_count++] = unitId;
    }

    internal void Remove(int unitId)
    {
        Alive[unitId] = false;
        var index = _denseIndex[unitId];
        var last = _dense[--_count];
        _dense[index] = last;
        _denseIndex[last] = index;
        LosMask[unitId] = RadarMask[unitId] = SeenMask[unitId] = 0;
        CurrentBuild[unitId] = BuiltBy[unitId] = 0;
    }
}
