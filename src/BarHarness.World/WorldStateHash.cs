namespace BarHarness.World;

/// <summary>FNV-1a digest over the full world state, in id order, for determinism checks.</summary>
public static class WorldStateHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Compute(SyntheticWorld world)
    {
        var h = Offset;
        Mix(ref h, world.Frame);
        var u = world.Units;
        for (var id = 1; id < u.Capacity; id++)
        {
            var s = u.SlotOf[id];
            if (s < 0)
            {
                continue;
            }

            Mix(ref h, id);
            Mix(ref h, u.DefId[s]);
            Mix(ref h, u.Team[s]);
            Mix(ref h, BitConverter.SingleToInt32Bits(u.X[s]));
            Mix(ref h, BitConverter.SingleToInt32Bits(u.Y[s]));
            Mix(ref h, BitConverter.SingleToInt32Bits(u.Z[s]));
            Mix(ref h, u.Heading[s]);
            Mix(ref h, BitConverter.SingleToInt32Bits(u.Health[s]));
            Mix(ref h, BitConverter.SingleToInt32Bits(u.BuildProgress[s]));
            Mix(ref h, (int)u.LosMask[s]);
            Mix(ref h, (int)u.RadarMask[s]);
        }

        for (var t = 0; t < world.Roster.Teams.Count; t++)
        {
            foreach (var kind in (ReadOnlySpan<ResourceKind>)[ResourceKind.Metal, ResourceKind.Energy])
            {
                var r = world.Economy.Get(t, kind);
                Mix(ref h, BitConverter.DoubleToInt64Bits(r.Current));
                Mix(ref h, BitConverter.DoubleToInt64Bits(r.Income));
                Mix(ref h, BitConverter.DoubleToInt64Bits(r.Expense));
            }
        }

        return h;
    }

    private static void Mix(ref ulong h, long value)
    {
        for (var i = 0; i < 8; i++)
        {
            h = (h ^ (byte)(value >> (8 * i))) * Prime;
        }
    }
}
