namespace BarHarness.Reports.Tests.Statistics;

public sealed class PercentileTests
{
    private static Arbitrary<double[]> NonEmptySamples() =>
        Gen.Choose(-1_000_000,
            1_000_000).Select(v => v / 100.0).NonEmptyListOf().Select(l => l.ToArray()).ToArbitrary();

    [Property]
    public Property P50_is_at_most_p95_at_most_p99_at_most_max()
    {
        return Prop.ForAll(NonEmptySamples(), values =>
        {
            var d = DistributionCalculator.Summarize(values);
            return d.P50 <= d.P95 && d.P95 <= d.P99 && d.P99 <= d.Max && d.Max == values.Max();
        });
    }

    [Property]
    public Property Percentile_does_not_depend_on_the_order_of_the_values()
    {
        return Prop.ForAll(NonEmptySamples(), Gen.Choose(0, 100).ToArbitrary(), (values, percent) =>
        {
            var reversed = values.Reverse().ToArray();
            var rotated = values.Skip(values.Length / 2).Concat(values.Take(values.Length / 2)).ToArray();
            var expected = Percentile.Of(values, percent);
            return Percentile.Of(reversed, percent) == expected && Percentile.Of(rotated, percent) == expected;
        });
    }

    [Property]
    public Property Percentile_is_always_an_observed_value()
    {
        return Prop.ForAll(NonEmptySamples(), Gen.Choose(0, 100).ToArbitrary(), (values, percent) =>
            values.Contains(Percentile.Of(values, percent)));
    }

    [Fact]
    public void Nearest_rank_of_one_to_hundred_gives_the_rank_itself()
    {
        var values = Enumerable.Range(1, 100).Select(v => (double)v).ToArray();

        Assert.Equal(50, Percentile.NearestRank(values, 50));
        Assert.Equal(99, Percentile.NearestRank(values, 99));
        Assert.Equal(1, Percentile.NearestRank(values, 0));
        Assert.Equal(100, Percentile.NearestRank(values, 100));
    }

    [Fact]
    public void Nearest_rank_of_ten_values_rounds_the_rank_up()
    {
        var values = Enumerable.Range(1, 10).Select(v => v * 10.0).ToArray();

        // rank = ceil(0.95 * 10) = 10, ceil(0.5 * 10) = 5
        Assert.Equal(100, Percentile.NearestRank(values, 95));
        Assert.Equal(50, Percentile.NearestRank(values, 50));
    }

    [Fact]
    public void Summary_ignores_values_that_were_not_measured()
    {
        var d = DistributionCalculator.Summarize([double.NaN, 3, double.NaN, 1]);

        Assert.Equal(2, d.Count);
        Assert.Equal(2, d.Mean);
        Assert.Equal(3, d.Max);
    }

    [Fact]
    public void Summary_of_nothing_is_empty_rather_than_an_error()
    {
        Assert.Equal(BarHarness.Reports.Model.Distribution.Empty,
            DistributionCalculator.Summarize(Array.Empty<double>()));
    }

    [Fact]
    public void Empty_sample_has_no_percentile()
    {
        Assert.Throws<ArgumentException>(() => Percentile.NearestRank([], 50));
    }
}
