namespace BarHarness.Scenarios.Tests.Trust;

public sealed class SoakPropertyAttributeTests
{
    [Fact]
    public void BARHARNESS_SOAK_multiplies_the_case_count_and_is_ignored_when_unset_or_not_above_one()
    {
        var previous = Environment.GetEnvironmentVariable("BARHARNESS_SOAK");
        try
        {
            Environment.SetEnvironmentVariable("BARHARNESS_SOAK", "3");
            Assert.Equal(120, new SoakPropertyAttribute(40).MaxTest);
            Environment.SetEnvironmentVariable("BARHARNESS_SOAK", "1");
            Assert.Equal(40, new SoakPropertyAttribute(40).MaxTest);
            Environment.SetEnvironmentVariable("BARHARNESS_SOAK", null);
            Assert.Equal(40, new SoakPropertyAttribute(40).MaxTest);
        }
        finally
        {
            Environment.SetEnvironmentVariable("BARHARNESS_SOAK", previous);
        }
    }
}
