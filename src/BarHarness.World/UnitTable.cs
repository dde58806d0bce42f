namespace BarHarness.World;

/// <summary>
/// Unit state as parallel arrays (struct of arrays) over dense slots 0..Count-1, plus an id-to-slot
/// table: a lookup by unit id is two array reads, and the per-frame update streams through the
/// arrays in order instead of jumping around a sparse id space (ids are drawn at random, so
/// id-indexed arrays would miss the cache on every unit). Removing a unit moves the last slot into
/// the hole. Nothing is allocated after construction. Ids run 1..maxUnits.
/// Fields are internal: the engine API reads them directly in its hot paths, everyone else goes
/// through <see cref="IWorldTruth"/>.
/// </summary>
public sealed class UnitTable
{
    /// <summary>Slot of a unit id, or -1 when no such unit lives.</summary>
    internal readonly int[] SlotOf;

    /// <summary>Unit id held by a slot.</summary>
    internal readonly int[] IdAt;
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

    private int _count;

    public UnitTable(int maxUnits)
    {
        Capacity = maxUnits + 1;
        SlotOf = new int[Capacity];
        Array.Fill(SlotOf, -1);
        IdAt = new int[Capacity];
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
    }

    public int Capacity { get; }

    public int Count => _count;

    /// <summary>Live unit ids in slot order.</summary>
    public ReadOnlySpan<int> AliveIds => IdAt.AsSpan(0, _count);

    public bool IsAlive(int unitId) => (uint)unitId < (uint)Capacity && SlotOf[unitId] >= 0;

    /// <summary>Slot of a live unit, or -1 (also for ids out of range).</summary>
    public int Slot(int unitId) => (uint)unitId < (uint)Capacity ? SlotOf[unitId] : -1;

    internal int Add(int unitId)
    {
        var slot = _count++;
        SlotOf[unitId] = slot;
        IdAt[slot] = unitId;
        return slot;
    }

    internal void Remove(int unitId)
    {
        var slot = SlotOf[unitId];
        var last = --_count;
        if (slot != last)
        {
            CopySlot(last, slot);
            var moved = IdAt[last];
            IdAt[slot] = moved;
            SlotOf[moved] = slot;
        }

        SlotOf[unitId] = -1;
    }

    /// <summary>
    /// Sends slot <paramref name="s"/> in a straight line to (<paramref name="x"/>, <paramref name="z"/>) at
    /// <paramref name="speed"/> elmos per frame, facing the way it goes.
    /// </summary>
    internal void HeadTowards(int s, float x, float z, float speed)
    {
        var dx = x - X[s];
        var dz = z - Z[s];
        var frames = Math.Max(1, (int)MathF.Ceiling(MathF.Sqrt((dx * dx) + (dz * dz)) / speed));
        TargetX[s] = x;
        TargetZ[s] = z;
        VX[s] = dx / frames;
        VZ[s] = dz / frames;
        FramesToTarget[s] = frames;
        var heading = (int)MathF.Round(MathF.Atan2(dx, dz) * (32768f / MathF.PI));
        Heading[s] = (short)Math.Clamp(heading, -32768, 32767);
    }

    /// <summary>Adds <paramref name="unitId"/> to <paramref name="dest"/> with this table's row for it.</summary>
    internal void CopyRowTo(UnitTable dest, int unitId)
    {
        var from = SlotOf[unitId];
        var to = dest.Add(unitId);
        CopySlot(this, from, dest, to);
    }

    private void CopySlot(int from, int to) => CopySlot(this, from, this, to);

    private static void CopySlot(UnitTable a, int from, UnitTable b, int to)
    {
        b.DefId[to] = a.DefId[from];
        b.Team[to] = a.Team[from];
        b.AllyTeam[to] = a.AllyTeam[from];
        b.X[to] = a.X[from];
        b.Y[to] = a.Y[from];
        b.Z[to] = a.Z[from];
        b.VX[to] = a.VX[from];
        b.VY[to] = a.VY[from];
        b.VZ[to] = a.VZ[from];
        b.Heading[to] = a.Heading[from];
        b.Health[to] = a.Health[from];
        b.MaxHealth[to] = a.MaxHealth[from];
        b.BuildProgress[to] = a.BuildProgress[from];
        b.Paralyze[to] = a.Paralyze[from];
        b.TargetX[to] = a.TargetX[from];
        b.TargetZ[to] = a.TargetZ[from];
        b.FramesToTarget[to] = a.FramesToTarget[from];
        b.ErrX[to] = a.ErrX[from];
        b.ErrZ[to] = a.ErrZ[from];
        b.LosMask[to] = a.LosMask[from];
        b.RadarMask[to] = a.RadarMask[from];
        b.SeenMask[to] = a.SeenMask[from];
        b.CurrentBuild[to] = a.CurrentBuild[from];
        b.BuiltBy[to] = a.BuiltBy[from];
        b.BuildFramesLeft[to] = a.BuildFramesLeft[from];
    }
}
