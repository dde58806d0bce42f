namespace BarHarness.Reports.Statistics;

/// <summary>
/// Nearest-rank percentiles: the p-th percentile of n sorted values is the value at rank
/// ceil(p/100 · n) (1-based), and the minimum for p = 0. Chosen over interpolation because the
/// result is always a value that was really observed (a real frame time), p99 ≤ max holds by
/// construction, and the figure does not shift when a tool recomputes it with another formula.
/// </summary>
public static class Percentile
{
    /// <param name="sortedAscending">Values in ascending order, no NaN.</param>
    /// <param name="percent">0..100.</param>
    public static double NearestRank(IReadOnlyList<double> sortedAscending, double percent)
    {
        ArgumentNullException.ThrowIfNull(sortedAscending);
        if (sortedAscending.Count == 0)
        {
            throw new ArgumentException("A percentile needs at least one value.", nameof(sortedAscending));
        }

        if (double.IsNaN(percent) || percent < 0 || percent > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "Percent must be within 0..100.");
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sortedAscending.Count);
        return sortedAscending[Math.Clamp(rank, 1, sortedAscending.Count) - 1];
    }

    /// <summary>
    /// Sorts a copy of <paramref name="values"/> (NaN left out) and takes the nearest-rank percentile.
    /// </summary>
    public static double Of(IEnumerable<double> values, double percent)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return NearestRank(sorted, percent);
    }
}
