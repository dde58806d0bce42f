namespace BarHarness.Reports.Statistics;

/// <summary>
/// Turns a sample into a <see cref="Distribution"/> through a <see cref="StreamingSummary"/>, the one
/// structure every percentile comes from (NaN values are ignored: "not measured").
/// </summary>
public static class DistributionCalculator
{
    public static Distribution Summarize(IEnumerable<double> values) => StreamingSummary.Of(values).ToDistribution();

    public static Distribution Summarize(IEnumerable<long> values) => Summarize(values.Select(v => (double)v));
}
