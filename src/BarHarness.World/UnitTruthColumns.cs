namespace BarHarness.World;

/// <summary>
/// The true state of every living unit at one frame, one array per field (see
/// <see cref="SyntheticWorld.CopyTruth"/>). Reused frame after frame; the arrays only grow.
/// </summary>
public sealed class UnitTruthColumns
{
    public int[] Ids { get; private set; } = [];

    public int[] Teams { get; private set; } = [];

    public int[] AllyTeams { get; private set; } = [];

    public bool[] InLocalLos { get; private set; } = [];

    /// <summary>In LOS or radar of the local player (what Spring.GetAllUnits lists).</summary>
    public bool[] VisibleToLocal { get; private set; } = [];

    public float[] X { get; private set; } = [];

    public float[] Y { get; private set; } = [];

    public float[] Z { get; private set; } = [];

    public float[] Health { get; private set; } = [];

    public void EnsureCapacity(int count)
    {
        if (Ids.Length >= count)
        {
            return;
        }

        var size = Math.Max(count, Math.Max(64, Ids.Length * 2));
        Ids = Grow(Ids, size);
        Teams = Grow(Teams, size);
        AllyTeams = Grow(AllyTeams, size);
        InLocalLos = Grow(InLocalLos, size);
        VisibleToLocal = Grow(VisibleToLocal, size);
        X = Grow(X, size);
        Y = Grow(Y, size);
        Z = Grow(Z, size);
        Health = Grow(Health, size);
    }

    private static T[] Grow<T>(T[] old, int size)
    {
        var grown = new T[size];
        Array.Copy(old, grown, old.Length);
        return grown;
    }
}
