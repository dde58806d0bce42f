namespace BarHarness.Reports.Model;

/// <summary>Per-frame widget time over the frames whose unit count fell in [MinUnits, MaxUnits].</summary>
/// <param name="Label">E.g. <c>200-499</c> or <c>2000+</c>.</param>
/// <param name="MinUnits">Inclusive lower bound.</param>
/// <param name="MaxUnits">Inclusive upper bound, null for the open last bucket.</param>
/// <param name="RealMicros">Real µs per frame in the bucket (its Count is the number of frames).</param>
/// <param name="Cost">Deterministic cost per frame in the bucket.</param>
public sealed record UnitBucketBudget(
    string Label,
    int MinUnits,
    int? MaxUnits,
    Distribution RealMicros,
    Distribution Cost)
{
    /// <summary>Widget CPU µs per frame in the bucket.</summary>
    public Distribution CpuMicros { get; init; } = Distribution.Empty;

    /// <summary>The widget's Spring.GetTimer clock over its CPU time in the bucket; null with a real clock.</summary>
    public double? TimerToCpu { get; init; }
}
