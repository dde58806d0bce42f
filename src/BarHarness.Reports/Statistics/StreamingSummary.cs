namespace BarHarness.Reports.Statistics;

/// <summary>
/// One column of measurements (a frame's cost, a call-in's real time, ...) summarised as it arrives,
/// in memory that does not grow with the number of values. Every percentile a report or a verdict
/// shows comes from here, so the two can never disagree.
/// <list type="bullet">
/// <item>Count, minimum and maximum are exact; the mean is the exact sum over the count (summed in
/// arrival order).</item>
/// <item>Up to <see cref="ExactLimit"/> values, percentiles are exact nearest-rank values (a value
/// really observed, see <see cref="Percentile"/>).</item>
/// <item>Past it, the values move into a <see cref="LogHistogram"/>: a nearest-rank percentile is
/// then within <see cref="LogHistogram.RelativeError"/> (0.5%) of the exact one, clamped to
/// [min, max] so p99 ≤ max still holds. Memory: at most 8 bytes per 1% of value range
/// (about 2,800 buckets, 22 KB, from 1 ns to 1000 s in µs).</item>
/// </list>
/// NaN values are skipped ("not measured").
/// </summary>
public sealed class StreamingSummary
{
    /// <summary>Values kept exactly before the summary switches to its histogram.</summary>
    public const int ExactLimit = 1024;

    private double[]? _exact = new double[16];
    private LogHistogram? _histogram;
    private double _sum;

    public long Count { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public double Sum => _sum;

    public double Mean => Count == 0 ? 0 : _sum / Count;

    /// <summary>True once the values are no longer kept one by one.</summary>
    public bool IsApproximate => _histogram is not null;

    /// <summary>Values or buckets held now: what the memory bound is about.</summary>
    public int CellsHeld => _histogram?.BucketsHeld ?? _exact!.Length;

    public static StreamingSummary Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var summary = new StreamingSummary();
        foreach (var v in values)
        {
            summary.Add(v);
        }

        return summary;
    }

    public void Add(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        _sum += value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        if (_histogram is not null)
        {
            _histogram.Add(value);
        }
        else if (Count < ExactLimit)
        {
            if (Count == _exact!.Length)
            {
                Array.Resize(ref _exact, Math.Min(ExactLimit, _exact.Length * 2));
            }

            _exact[Count] = value;
        }
        else
        {
            _histogram = new LogHistogram();
            for (var i = 0; i < Count; i++)
            {
                _histogram.Add(_exact![i]);
            }

            _exact = null;
            _histogram.Add(value);
        }

        Count++;
    }

    /// <summary>
    /// Nearest-rank percentile (0..100): exact up to <see cref="ExactLimit"/> values, else within 0.5%.
    /// </summary>
    public double Percentile(double percent)
    {
        if (Count == 0)
        {
            return 0;
        }

        if (double.IsNaN(percent) || percent < 0 || percent > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "Percent must be within 0..100.");
        }

        var rank = Math.Clamp((long)Math.Ceiling(percent / 100.0 * Count), 1, Count);
        if (rank == Count)
        {
            return Max;
        }

        if (rank == 1)
        {
            return Min;
        }

        if (_histogram is null)
        {
            var sorted = _exact.AsSpan(0, (int)Count).ToArray();
            Array.Sort(sorted);
            return sorted[rank - 1];
        }

        return Math.Clamp(_histogram.ValueAtRank(rank), Min, Max);
    }

    public Distribution ToDistribution() => Count == 0
        ? Distribution.Empty
        : new Distribution(
            (int)Math.Min(int.MaxValue, Count), Mean, Percentile(50), Percentile(95), Percentile(99), Max);
}
