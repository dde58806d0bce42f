namespace BarHarness.Reports.Gates;

/// <summary>
/// How much worse than the baseline a figure may get before the gate fails. A metric regresses only
/// when current &gt; baseline + max(|baseline|·RelativeTolerance, floor): the relative part absorbs
/// proportional drift, the absolute floor keeps tiny figures (a 3 µs p99 becoming 4 µs) from flapping.
/// </summary>
/// <param name="RelativeTolerance">Allowed relative increase (0.15 = +15 %).</param>
/// <param name="CostFloorMicros">Smallest increase of p99/max cost that can fail, in µs-equivalent.</param>
/// <param name="LeakSlopeFloorBytesPerMinute">Smallest increase of the leak slope that can fail.</param>
public sealed record GateThresholds(
    double RelativeTolerance = 0.15,
    double CostFloorMicros = 25,
    double LeakSlopeFloorBytesPerMinute = 4096)
{
    public static GateThresholds Default { get; } = new();

    public double AllowedFor(double baseline, double floor) =>
        baseline + Math.Max(Math.Abs(baseline) * RelativeTolerance, floor);
}
