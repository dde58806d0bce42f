namespace BarHarness.Reports.Statistics;

/// <summary>
/// Unit-count buckets for "time by unit count": lower edges in ascending order, each bucket running
/// up to the next edge minus one, the last one open (e.g. 0-49, 50-199, ..., 2000+).
/// </summary>
public sealed class UnitCountBuckets
{
    public static UnitCountBuckets Standard { get; } = new([0, 50, 200, 500, 1000, 2000]);

    private readonly int[] _lowerEdges;

    public UnitCountBuckets(IReadOnlyList<int> lowerEdges)
    {
        ArgumentNullException.ThrowIfNull(lowerEdges);
        if (lowerEdges.Count == 0 || lowerEdges[0] != 0)
        {
            throw new ArgumentException("Bucket edges must start at 0.", nameof(lowerEdges));
        }

        for (var i = 1; i < lowerEdges.Count; i++)
        {
            if (lowerEdges[i] <= lowerEdges[i - 1])
            {
                throw new ArgumentException("Bucket edges must be strictly ascending.", nameof(lowerEdges));
            }
        }

        _lowerEdges = lowerEdges.ToArray();
    }

    public int Count => _lowerEdges.Length;

    public int MinUnits(int bucket) => _lowerEdges[bucket];

    public int? MaxUnits(int bucket) => bucket + 1 < _lowerEdges.Length ? _lowerEdges[bucket + 1] - 1 : null;

    public string Label(int bucket) =>
        MaxUnits(bucket) is { } max ? $"{MinUnits(bucket)}-{max}" : $"{MinUnits(bucket)}+";

    /// <summary>The bucket a unit count falls in (negative counts go to the first bucket).</summary>
    public int IndexOf(int units)
    {
        var index = Array.BinarySearch(_lowerEdges, units);
        return index >= 0 ? index : Math.Max(0, ~index - 1);
    }

    /// <summary>
    /// Groups values by the bucket of their unit count; result[i] holds bucket i's values in input order.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> Group(IReadOnlyList<int> units, IReadOnlyList<double> values)
    {
        if (units.Count != values.Count)
        {
            throw new ArgumentException("Units and values must have the same length.", nameof(values));
        }

        var groups = Enumerable.Range(0, Count).Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < units.Count; i++)
        {
            groups[IndexOf(units[i])].Add(values[i]);
        }

        return groups;
    }
}
