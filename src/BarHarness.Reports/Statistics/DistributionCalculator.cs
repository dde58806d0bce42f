using BarHarness.Reports.Model;

namespace BarHarness.Reports.Statistics;

/// <summary>Turns a sample into a <see cref="Distribution"/> (NaN values are ignored: "not measured").</summary>
public static class DistributionCalculator
{
    public static Distribution Summarize(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return Distribution.Empty;
        }

        return new Distribution(
            sorted.Length,
            Mean(sorted),
            Percentile.NearestRank(sorted, 50),
            Percentile.NearestRank(sorted, 95),
            Percentile.NearestRank(sorted, 99),
            sorted[^1]);
    }

    public static Distribution Summarize(IEnumerable<long> values) => Summarize(values.Select(v => (double)v));

    // Kahan-free but order-stable: the input is sorted, so the same sample always gives the same mean.
    private static double Mean(double[] sorted)
    {
        var sum = 0.0;
        foreach (var v in sorted)
        {
            sum += v;
        }

        return sum / sorted.Length;
    }
}
