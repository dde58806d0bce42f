namespace BarHarness.TestServer.Oracle;

/// <summary>Ages (in frames) of visible units' last exported state, sampled at every message; exact quantiles from
/// counts.</summary>
public sealed class FreshnessHistogram
{
    private readonly SortedDictionary<int, long> _counts = [];

    public long Samples { get; private set; }

    public int Max { get; private set; }

    public void Add(int ageFrames)
    {
        ageFrames = Math.Max(0, ageFrames);
        _counts[ageFrames] = _counts.GetValueOrDefault(ageFrames) + 1;
        Samples++;
        Max = Math.Max(Max, ageFrames);
    }

    /// <summary>The smallest age at or below which at least <paramref name="q"/> of samples fall (nearest
    /// rank).</summary>
    public int Quantile(double q)
    {
        if (Samples == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(q * Samples);
        long seen = 0;
        foreach (var (age, count) in _counts)
        {
            seen += count;
            if (seen >= rank)
            {
                return age;
            }
        }

        return Max;
    }
}
