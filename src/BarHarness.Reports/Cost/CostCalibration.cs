namespace BarHarness.Reports.Cost;

/// <summary>
/// Fits the cost model's coefficients to real time by non-negative least squares through the origin
/// (a frame that does nothing costs nothing). Run once on the machine that makes the baseline; the
/// coefficients travel in summary.json and later runs price frames with them instead of refitting.
/// </summary>
public static class CostCalibration
{
    /// <summary>Fewer samples than this cannot separate four prices from noise.</summary>
    public const int MinimumSamples = 8;

    public static CostCoefficients Calibrate(IReadOnlyList<CalibrationSample> samples, string? calibratedOn = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count < MinimumSamples)
        {
            throw new ArgumentException(
                $"Calibration needs at least {MinimumSamples} samples, got {samples.Count}.", nameof(samples));
        }

        var rows = samples
            .Select(s => new double[] { s.LuaInstructions, s.EngineCalls, s.AllocBytes, s.AllocCount }).ToArray();
        var targets = samples.Select(s => s.RealMicros).ToArray();
        var beta = LeastSquares.NonNegativeThroughOrigin(rows, targets);
        return new CostCoefficients
        {
            PerInstruction = beta[0],
            PerEngineCall = beta[1],
            PerAllocByte = beta[2],
            PerAllocation = beta[3],
            CalibrationFrames = samples.Count,
            CalibrationRSquared = RSquared(rows, targets, beta),
            CalibratedOn = calibratedOn,
        };
    }

    /// <summary>
    /// Convenience: calibration samples from every frame of a series (frames with no widget work skipped).
    /// </summary>
    public static IReadOnlyList<CalibrationSample> SamplesFrom(FrameSeries frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var samples = new List<CalibrationSample>(frames.Count);
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames.LuaInstructions[i] > 0 || frames.EngineCalls[i] > 0)
            {
                samples.Add(new CalibrationSample(
                    frames.LuaInstructions[i],
                    frames.EngineCalls[i],
                    frames.AllocBytes[i],
                    frames.AllocCount[i],
                    frames.WidgetMicros[i]));
            }
        }

        return samples;
    }

    private static double RSquared(double[][] rows, double[] targets, double[] beta)
    {
        var mean = targets.Average();
        double total = 0, residual = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var predicted = rows[i].Select((x, j) => x * beta[j]).Sum();
            residual += (targets[i] - predicted) * (targets[i] - predicted);
            total += (targets[i] - mean) * (targets[i] - mean);
        }

        return total > 0 ? Math.Clamp(1 - (residual / total), 0, 1) : 1;
    }
}
