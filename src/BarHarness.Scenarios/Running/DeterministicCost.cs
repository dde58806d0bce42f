using BarHarness.Reports.Cost;
using BarHarness.Reports.Model;

namespace BarHarness.Scenarios.Running;

/// <summary>
/// Prices a frame from counts that do not depend on the machine's load (Lua instructions, engine
/// calls, bytes and blocks allocated), in estimated microseconds. The default coefficients were fitted
/// with <c>CostCalibration</c> on the reference 2-core machine (see README, "CI gate"); a baseline
/// stores the coefficients it was made with, so comparisons stay like for like.
/// </summary>
internal sealed class DeterministicCost
{
    public static readonly CostCoefficients Default = new()
    {
        PerInstruction = 0.0075,
        PerEngineCall = 0.20,
        PerAllocByte = 0.0004,
        PerAllocation = 0.05,
        CalibratedOn = "reference: 2-core CI machine, harness default profile",
    };

    private readonly CostModel _model = new(Default);

    public double Price(long instructions, long engineCalls, long allocBytes, long allocCount) =>
        _model.Price(instructions, engineCalls, allocBytes, allocCount);
}
