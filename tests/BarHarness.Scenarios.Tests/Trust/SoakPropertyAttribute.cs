using FsCheck.Xunit;

namespace BarHarness.Scenarios.Tests.Trust;

/// <summary>
/// An FsCheck property whose case count is sized for CI and multiplied by <c>BARHARNESS_SOAK=k</c>
/// (k &gt; 1) for nightly soak runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SoakPropertyAttribute : PropertyAttribute
{
    public SoakPropertyAttribute(int cases)
    {
        MaxTest = cases * Factor;
        QuietOnSuccess = true;
    }

    /// <summary>The soak multiplier from the environment, 1 when unset or not above 1.</summary>
    public static int Factor =>
        int.TryParse(Environment.GetEnvironmentVariable("BARHARNESS_SOAK"), out var k) && k > 1 ? k : 1;
}
