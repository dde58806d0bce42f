namespace BarHarness.Reports.Tests.Statistics;

public sealed class StreamingSummaryTests
{
    private static readonly double[] Percents = [1, 10, 50, 90, 95, 99, 99.9];

    // Frame times, costs and byte counts: uniform, log-normal, heavy-tailed with zeros, integers.
    private static double[] Sample(int seed, int count, int shape)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => shape switch
        {
            0 => random.NextDouble() * 2000,
            1 => Math.Exp(5 + (2 * Gaussian(random))),
            2 => random.Next(4) == 0 ? 0 : 1 / Math.Pow(random.NextDouble() + 1e-9, 1.5),
            _ => random.Next(0, 100_000),
        }).ToArray();
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static bool WithinDocumentedError(double approximate, double exact) =>
        Math.Abs(approximate - exact) <= (LogHistogram.RelativeError * Math.Abs(exact)) + LogHistogram.ZeroBelow;

    [Property(MaxTest = 60)]
    public Property Every_figure_stays_within_its_documented_accuracy_of_the_exact_computation()
    {
        var seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();
        var counts = Gen.Choose(1, 30_000).ToArbitrary();
        var shapes = Gen.Choose(0, 3).ToArbitrary();
        return Prop.ForAll(seeds, counts, shapes, (seed, count, shape) =>
        {
            var values = Sample(seed, count, shape);
            var summary = StreamingSummary.Of(values);
            var sorted = values.Order().ToArray();
            var exactCountMaxMean = summary.Count == count && summary.Max == sorted[^1] && summary.Min == sorted[0]
                && Math.Abs(summary.Mean - values.Average()) <= 1e-9 * Math.Max(1, Math.Abs(values.Average()));
            var percentiles = Percents.All(p =>
            {
                var exact = Percentile.NearestRank(sorted, p);
                var streamed = summary.Percentile(p);
                return count <= StreamingSummary.ExactLimit
                    ? streamed == exact
                    : WithinDocumentedError(streamed, exact);
            });
            return (exactCountMaxMean && percentiles).Label($"n={count} shape={shape} seed={seed}");
        });
    }

    [Fact]
    public void Up_to_the_exact_limit_percentiles_are_values_really_observed()
    {
        var values = Sample(7, StreamingSummary.ExactLimit, 1);
        var summary = StreamingSummary.Of(values);
        var sorted = values.Order().ToArray();

        Assert.False(summary.IsApproximate);
        Assert.Equal(Percentile.NearestRank(sorted, 99), summary.Percentile(99));
        Assert.Equal(Percentile.NearestRank(sorted, 50), summary.Percentile(50));
    }

    [Fact]
    public void Past_the_exact_limit_p99_moves_off_the_observed_value_but_stays_within_half_a_percent()
    {
        var values = Sample(11, 50_000, 1);
        var summary = StreamingSummary.Of(values);
        var exact = Percentile.Of(values, 99);

        Assert.True(summary.IsApproximate);
        var error = LogHistogram.RelativeError;
        Assert.InRange(summary.Percentile(99), exact * (1 - error), exact * (1 + error));
    }

    [Fact]
    public void Memory_held_does_not_grow_with_the_number_of_values()
    {
        StreamingSummary Summarise(int count, int shape)
        {
            var summary = new StreamingSummary();
            var random = new Random(3);
            for (var i = 0; i < count; i++)
            {
                summary.Add(shape == 0 ? 100 + (random.NextDouble() * 1900) : Math.Exp(5 + (2 * Gaussian(random))));
            }

            return summary;
        }

        // Frame times within a fixed range (100..2000 µs): a hundred times the values, the same cells.
        var few = Summarise(10_000, 0);
        var many = Summarise(1_000_000, 0);
        Assert.Equal(1_000_000, many.Count);
        Assert.InRange(many.CellsHeld, 1, few.CellsHeld + 10);
        // Heavy tails only add buckets for new magnitudes: bounded by the range, not the count.
        Assert.True(Summarise(1_000_000, 1).CellsHeld < 2_500);
    }

    [Fact]
    public void Negative_zero_and_positive_values_come_back_in_order()
    {
        var values = Enumerable.Range(-2000, 4001).Select(i => i / 10.0).ToArray();
        var summary = StreamingSummary.Of(values);

        Assert.True(summary.IsApproximate);
        Assert.True(WithinDocumentedError(summary.Percentile(10), Percentile.Of(values, 10)));
        Assert.True(WithinDocumentedError(summary.Percentile(50), Percentile.Of(values, 50)));
        Assert.Equal(-200, summary.Percentile(0));
        Assert.Equal(200, summary.Percentile(100));
    }

    [Fact]
    public void Nan_is_not_measured_and_an_empty_summary_is_all_zeros()
    {
        var summary = StreamingSummary.Of([double.NaN, double.NaN]);

        Assert.Equal(Distribution.Empty, summary.ToDistribution());
        Assert.Equal(0, summary.Percentile(99));
    }
}
