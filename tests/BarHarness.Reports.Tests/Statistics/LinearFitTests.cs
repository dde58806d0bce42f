namespace BarHarness.Reports.Tests.Statistics;

public sealed class LinearFitTests
{
    private static Arbitrary<(double Slope, double Intercept, int Count)> Lines() =>
        (from slope in Gen.Choose(-100_000, 100_000)
         from intercept in Gen.Choose(-1_000_000, 1_000_000)
         from count in Gen.Choose(3, 200)
         select (slope / 10.0, (double)intercept, count)).ToArbitrary();

    [Property]
    public Property Slope_and_intercept_of_exact_linear_data_are_recovered()
    {
        return Prop.ForAll(Lines(), line =>
        {
            var x = Enumerable.Range(0, line.Count).Select(i => i * 0.5).ToArray();
            var y = x.Select(v => line.Intercept + (line.Slope * v)).ToArray();
            var fit = LinearFit.Of(x, y);
            return Math.Abs(fit.Slope - line.Slope) <= 1e-6 * Math.Max(1, Math.Abs(line.Slope))
                && Math.Abs(fit.Intercept - line.Intercept) <= 1e-6 * Math.Max(1, Math.Abs(line.Intercept));
        });
    }

    [Property]
    public Property Confidence_interval_of_noise_free_data_contains_the_true_slope()
    {
        return Prop.ForAll(Lines(), line =>
        {
            var x = Enumerable.Range(0, line.Count).Select(i => (double)i).ToArray();
            var y = x.Select(v => line.Intercept + (line.Slope * v)).ToArray();
            var (low, high) = LinearFit.Of(x, y).SlopeInterval();
            var slack = 1e-6 * Math.Max(1, Math.Abs(line.Slope));
            return low - slack <= line.Slope && line.Slope <= high + slack;
        });
    }

    [Fact]
    public void Interval_widens_with_noise_and_is_centred_on_the_slope()
    {
        double[] x = [0, 1, 2, 3, 4, 5];
        double[] y = [0, 3, 1, 5, 3, 6];

        var fit = LinearFit.Of(x, y);
        var (low, high) = fit.SlopeInterval();

        Assert.True(high - low > 0.5);
        Assert.Equal(fit.Slope, (low + high) / 2, 9);
    }

    [Fact]
    public void Interval_matches_the_textbook_formula_for_a_small_sample()
    {
        // x = 1..5, y = 2,4,5,4,5: slope 0.6, SSE 2.4, Sxx 10, se = sqrt(2.4/3/10); t(0.975, 3) = 3.182446
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [2, 4, 5, 4, 5];

        var fit = LinearFit.Of(x, y);
        var (low, high) = fit.SlopeInterval();

        Assert.Equal(0.6, fit.Slope, 9);
        Assert.Equal(Math.Sqrt(0.08), fit.SlopeStandardError, 9);
        Assert.Equal(0.6 - (3.182446 * Math.Sqrt(0.08)), low, 4);
        Assert.Equal(0.6 + (3.182446 * Math.Sqrt(0.08)), high, 4);
    }

    [Fact]
    public void Fewer_than_three_points_cannot_be_fitted_with_an_interval()
    {
        Assert.Throws<ArgumentException>(() => LinearFit.Of([1, 2], [1, 2]));
    }

    [Fact]
    public void All_points_at_one_instant_cannot_give_a_slope()
    {
        Assert.Throws<ArgumentException>(() => LinearFit.Of([1, 1, 1], [1, 2, 3]));
    }
}
