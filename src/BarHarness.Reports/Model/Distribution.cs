namespace BarHarness.Reports.Model;

/// <summary>
/// Summary of a sample: count, mean and nearest-rank percentiles (each percentile is a value that
/// was actually observed, see <c>Statistics.Percentile</c>). All zero when <see cref="Count"/> is 0.
/// </summary>
public sealed record Distribution(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static Distribution Empty { get; } = new(0, 0, 0, 0, 0, 0);
}
