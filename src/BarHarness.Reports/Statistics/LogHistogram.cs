namespace BarHarness.Reports.Statistics;

/// <summary>
/// Counts values in logarithmic buckets, so memory depends on the range of the values, never on
/// how many there were. A positive value v falls in bucket i = floor(log(v) / log(γ)), the range
/// [γ^i, γ^(i+1)), and is read back as that bucket's harmonic middle 2·γ^(i+1)/(1+γ), which is within
/// <see cref="RelativeError"/> of every value in the bucket. Magnitudes below <see cref="ZeroBelow"/>
/// count as 0; negative values are kept in a mirrored set of buckets.
/// </summary>
public sealed class LogHistogram
{
    /// <summary>Bucket growth factor γ.</summary>
    public const double Growth = 1.01;

    /// <summary>Largest relative error of a value read back, (γ-1)/(γ+1) ≈ 0.4975%.</summary>
    public const double RelativeError = (Growth - 1) / (Growth + 1);

    /// <summary>Magnitudes below this are counted as exactly 0 (an absolute error below 1e-6).</summary>
    public const double ZeroBelow = 1e-6;

    private static readonly double LogGrowth = Math.Log(Growth);

    private readonly BucketCounts _positive = new();
    private readonly BucketCounts _negative = new();
    private long _zeros;

    public long Count { get; private set; }

    /// <summary>Buckets allocated now (a measure of the memory held: 8 bytes each).</summary>
    public int BucketsHeld => _positive.Length + _negative.Length;

    public void Add(double value)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentException("NaN cannot be counted.", nameof(value));
        }

        Count++;
        var magnitude = Math.Abs(value);
        if (magnitude < ZeroBelow)
        {
            _zeros++;
        }
        else if (value > 0)
        {
            _positive.Increment(IndexOf(magnitude));
        }
        else
        {
            _negative.Increment(IndexOf(magnitude));
        }
    }

    /// <summary>
    /// The value of 1-based rank <paramref name="rank"/> in ascending order, within <see cref="RelativeError"/>.
    /// </summary>
    public double ValueAtRank(long rank)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("An empty histogram has no values.");
        }

        rank = Math.Clamp(rank, 1, Count);
        var seen = 0L;
        for (var i = _negative.Length - 1; i >= 0; i--)
        {
            seen += _negative[i];
            if (seen >= rank)
            {
                return -Representative(_negative.IndexAt(i));
            }
        }

        seen += _zeros;
        if (seen >= rank)
        {
            return 0;
        }

        for (var i = 0; i < _positive.Length; i++)
        {
            seen += _positive[i];
            if (seen >= rank)
            {
                return Representative(_positive.IndexAt(i));
            }
        }

        throw new InvalidOperationException("Bucket counts do not add up to the histogram's count.");
    }

    private static int IndexOf(double magnitude)
    {
        var index = (int)Math.Floor(Math.Log(magnitude) / LogGrowth);
        // Math.Log rounds: keep the invariant γ^i <= v < γ^(i+1) the error bound rests on.
        if (Math.Pow(Growth, index) > magnitude)
        {
            index--;
        }
        else if (Math.Pow(Growth, index + 1) <= magnitude)
        {
            index++;
        }

        return index;
    }

    private static double Representative(int index) => 2 * Math.Pow(Growth, index + 1) / (1 + Growth);

    /// <summary>Counts for a contiguous range of bucket indices, grown at either end as values arrive.</summary>
    private sealed class BucketCounts
    {
        private long[] _counts = [];
        private int _first;

        public int Length => _counts.Length;

        public long this[int slot] => _counts[slot];

        public int IndexAt(int slot) => _first + slot;

        public void Increment(int index)
        {
            if (_counts.Length == 0)
            {
                _counts = new long[1];
                _first = index;
            }
            else if (index < _first)
            {
                var grown = new long[_counts.Length + (_first - index)];
                Array.Copy(_counts, 0, grown, _first - index, _counts.Length);
                _counts = grown;
                _first = index;
            }
            else if (index >= _first + _counts.Length)
            {
                Array.Resize(ref _counts, index - _first + 1);
            }

            _counts[index - _first]++;
        }
    }
}
