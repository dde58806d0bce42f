namespace BarHarness.Reports.Tests.Statistics;

public sealed class StudentTTests
{
    [Theory]
    [InlineData(1, 12.7062)]
    [InlineData(2, 4.3027)]
    [InlineData(5, 2.5706)]
    [InlineData(10, 2.2281)]
    [InlineData(30, 2.0423)]
    [InlineData(1000, 1.9623)]
    public void Critical_value_for_95_percent_matches_published_tables(int degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, StudentT.TwoSidedCriticalValue(0.95, degreesOfFreedom), 3);
    }

    [Fact]
    public void Critical_value_for_99_percent_and_4_degrees_matches_the_table()
    {
        Assert.Equal(4.6041, StudentT.TwoSidedCriticalValue(0.99, 4), 3);
    }

    [Fact]
    public void Cdf_is_symmetric_around_zero()
    {
        foreach (var t in new[] { 0.1, 1.0, 2.5, 7.0 })
        {
            Assert.Equal(1.0, StudentT.Cdf(t, 6) + StudentT.Cdf(-t, 6), 12);
        }

        Assert.Equal(0.5, StudentT.Cdf(0, 3), 12);
    }
}
