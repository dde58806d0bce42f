namespace BarHarness.Reports.Tests.Statistics;

public sealed class UnitCountBucketsTests
{
    [Theory]
    [InlineData(0, "0-49")]
    [InlineData(49, "0-49")]
    [InlineData(50, "50-199")]
    [InlineData(499, "200-499")]
    [InlineData(1999, "1000-1999")]
    [InlineData(2000, "2000+")]
    [InlineData(5000, "2000+")]
    public void Unit_count_falls_in_the_labelled_bucket(int units, string label)
    {
        var buckets = UnitCountBuckets.Standard;

        Assert.Equal(label, buckets.Label(buckets.IndexOf(units)));
    }

    [Property]
    public Property Grouping_keeps_every_value_exactly_once()
    {
        return Prop.ForAll(Gen.Choose(0, 6000).ArrayOf().ToArbitrary(), units =>
        {
            var values = units.Select(u => (double)u).ToArray();
            var groups = UnitCountBuckets.Standard.Group(units, values);
            return groups.Sum(g => g.Count) == units.Length
                && groups.SelectMany(g => g).Order().SequenceEqual(values.Order());
        });
    }

    [Fact]
    public void Edges_must_start_at_zero_and_ascend()
    {
        Assert.Throws<ArgumentException>(() => new UnitCountBuckets([10, 20]));
        Assert.Throws<ArgumentException>(() => new UnitCountBuckets([0, 20, 20]));
    }
}
