using BarHarness.Reports.Statistics;

namespace BarHarness.Reports.Cost;

/// <summary>
/// What one Lua instruction and one engine call cost in thread CPU time on this machine: non-negative
/// least squares through the origin of each chart point's widget CPU µs on its instruction and engine-call
/// counts. The prices of <c>Spring.GetTimer</c>'s virtual clock (<c>VirtualTimerCostModel</c>) were fitted
/// this way; <c>barharness run --calibrate</c> prints the fit so they can be checked on any machine.
/// </summary>
/// <param name="NanosPerInstruction">Fitted CPU ns per Lua instruction.</param>
/// <param name="NanosPerEngineCall">Fitted CPU ns per engine call.</param>
/// <param name="Points">Chart points the fit used (points without widget work are left out).</param>
/// <param name="InstructionsPerEngineCall">The points' instructions over their engine calls. The two counts
/// move together in a widget, so the split between the two prices is loosely determined; the price of an
/// instruction with its share of engine calls (<see cref="EffectiveNanosPerInstruction"/>) is not.</param>
public sealed record CpuPriceFit(
    double NanosPerInstruction, double NanosPerEngineCall, int Points, double InstructionsPerEngineCall)
{
    /// <summary>CPU ns per instruction with its share of engine calls, at these points' mix.</summary>
    public double EffectiveNanosPerInstruction => EffectiveNanos(NanosPerInstruction, NanosPerEngineCall);

    /// <summary>What other prices (e.g. the timer's) make of one instruction at these points' mix.</summary>
    public double EffectiveNanos(double perInstruction, double perEngineCall) =>
        perInstruction + (InstructionsPerEngineCall > 0 ? perEngineCall / InstructionsPerEngineCall : 0);

    public static CpuPriceFit Of(IEnumerable<FrameSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var rows = new List<double[]>();
        var cpu = new List<double>();
        foreach (var frames in series)
        {
            for (var i = 0; i < frames.Count && i < frames.CpuMicros.Count; i++)
            {
                if (frames.LuaInstructions[i] > 0)
                {
                    rows.Add([frames.LuaInstructions[i], frames.EngineCalls[i]]);
                    cpu.Add(frames.CpuMicros[i]);
                }
            }
        }

        if (rows.Count < CostCalibration.MinimumSamples)
        {
            throw new ArgumentException(
                $"A CPU price fit needs at least {CostCalibration.MinimumSamples} points with Lua work, got {rows.Count}.",
                nameof(series));
        }

        var beta = LeastSquares.NonNegativeThroughOrigin(rows.ToArray(), cpu.ToArray());
        var calls = rows.Sum(r => r[1]);
        return new CpuPriceFit(beta[0] * 1000, beta[1] * 1000, rows.Count, calls > 0 ? rows.Sum(r => r[0]) / calls : 0);
    }
}
