using BarHarness.Reports.Model;

namespace BarHarness.Reports.Cost;

/// <summary>
/// Prices a frame (or one call-in) from deterministic counters, so the CI gate compares figures that
/// do not change with machine load: cost = a·instructions + b·engineCalls + c·allocBytes + d·allocCount,
/// in µs-equivalent on the machine that calibrated the coefficients.
/// </summary>
public sealed class CostModel
{
    public CostModel(CostCoefficients coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        Coefficients = coefficients;
    }

    public CostCoefficients Coefficients { get; }

    public double Price(long luaInstructions, long engineCalls, long allocBytes, long allocCount) =>
        (Coefficients.PerInstruction * luaInstructions)
        + (Coefficients.PerEngineCall * engineCalls)
        + (Coefficients.PerAllocByte * allocBytes)
        + (Coefficients.PerAllocation * allocCount);

    /// <summary>Prices every frame of a series, returning a copy with its <see cref="FrameSeries.Cost"/> column filled.</summary>
    public FrameSeries PriceFrames(FrameSeries frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var cost = new double[frames.Count];
        for (var i = 0; i < cost.Length; i++)
        {
            cost[i] = Price(frames.LuaInstructions[i], frames.EngineCalls[i], frames.AllocBytes[i], frames.AllocCount[i]);
        }

        return frames with { Cost = cost };
    }
}
