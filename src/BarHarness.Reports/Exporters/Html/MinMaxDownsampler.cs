namespace BarHarness.Reports.Exporters.Html;

/// <summary>
/// Shrinks a long series to at most one bucket per chart column, keeping each column's min, mean and max,
/// so a two-hour run (~216,000 frames) draws as a few hundred points yet every spike stays visible.
/// NaN values ("not measured") are skipped.
/// </summary>
internal static class MinMaxDownsampler
{
    public static IReadOnlyList<ChartBucket> Downsample(IReadOnlyList<double> x, Func<int, double> y, int buckets)
    {
        if (x.Count == 0 || buckets <= 0)
        {
            return [];
        }

        var first = x[0];
        var last = x[^1];
        var width = last > first ? (last - first) / buckets : 1;
        var result = new List<ChartBucket>(Math.Min(buckets, x.Count));
        var current = -1;
        double bucketX = 0, min = 0, max = 0, sum = 0;
        var count = 0;
        for (var i = 0; i < x.Count; i++)
        {
            var value = y(i);
            if (double.IsNaN(value))
            {
                continue;
            }

            var index = Math.Min(buckets - 1, (int)((x[i] - first) / width));
            if (index != current)
            {
                if (current >= 0)
                {
                    result.Add(new ChartBucket(bucketX, min, sum / count, max));
                }

                current = index;
                bucketX = x[i];
                min = max = sum = value;
                count = 1;
            }
            else
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
                sum += value;
                count++;
            }
        }

        if (current >= 0)
        {
            result.Add(new ChartBucket(bucketX, min, sum / count, max));
        }

        return result;
    }
}
