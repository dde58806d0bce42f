namespace BarHarness.Reports.Analysis;

/// <summary>
/// Builds a <see cref="LeakReport"/>: fits the heap trend after warm-up and applies <see cref="LeakVerdictRule"/>.
/// </summary>
public static class LeakAnalyzer
{
    /// <param name="heapSamples">Heap after full collection, in time order.</param>
    /// <param name="allowedBytesPerMinute">Growth the scenario tolerates.</param>
    /// <param name="fitFromGameSeconds">Samples earlier than this are warm-up, charted but not fitted.</param>
    /// <param name="frames">Frames, for allocation figures per frame.</param>
    /// <param name="retained">Steady-state objects still held at the end (from the Lua host).</param>
    /// <param name="leftovers">What Shutdown left open.</param>
    public static LeakReport Analyze(
        IReadOnlyList<HeapSample> heapSamples,
        double allowedBytesPerMinute,
        double fitFromGameSeconds = 0,
        FrameSeries? frames = null,
        IReadOnlyList<RetainedObject>? retained = null,
        ShutdownLeftovers? leftovers = null)
    {
        return Analyze(
            heapSamples,
            allowedBytesPerMinute,
            fitFromGameSeconds,
            DistributionCalculator.Summarize(frames?.AllocBytes ?? []),
            DistributionCalculator.Summarize(frames?.AllocCount ?? []),
            retained,
            leftovers);
    }

    /// <param name="heapSamples">Heap after full collection, in time order.</param>
    /// <param name="allowedBytesPerMinute">Growth the scenario tolerates.</param>
    /// <param name="fitFromGameSeconds">Samples earlier than this are warm-up, charted but not fitted.</param>
    /// <param name="frames">Frame statistics gathered during the run, for allocation figures per frame.</param>
    /// <param name="retained">Steady-state objects still held at the end (from the Lua host).</param>
    /// <param name="leftovers">What Shutdown left open.</param>
    public static LeakReport Analyze(
        IReadOnlyList<HeapSample> heapSamples,
        double allowedBytesPerMinute,
        double fitFromGameSeconds,
        FrameStatistics frames,
        IReadOnlyList<RetainedObject>? retained = null,
        ShutdownLeftovers? leftovers = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return Analyze(
            heapSamples,
            allowedBytesPerMinute,
            fitFromGameSeconds,
            frames.AllocBytes.ToDistribution(),
            frames.AllocCount.ToDistribution(),
            retained,
            leftovers);
    }

    private static LeakReport Analyze(
        IReadOnlyList<HeapSample> heapSamples,
        double allowedBytesPerMinute,
        double fitFromGameSeconds,
        Distribution allocBytes,
        Distribution allocCount,
        IReadOnlyList<RetainedObject>? retained,
        ShutdownLeftovers? leftovers)
    {
        ArgumentNullException.ThrowIfNull(heapSamples);
        var fitted = heapSamples.Where(s => s.GameSeconds >= fitFromGameSeconds).ToArray();
        var slope = FitSlope(fitted);
        var span = fitted.Length > 1 ? fitted[^1].GameSeconds - fitted[0].GameSeconds : 0;
        var (verdict, reason) = LeakVerdictRule.Decide(slope, allowedBytesPerMinute, span);
        return new LeakReport
        {
            HeapSamples = heapSamples.ToArray(),
            FitFromGameSeconds = fitFromGameSeconds,
            Slope = slope,
            AllowedBytesPerMinute = allowedBytesPerMinute,
            Verdict = verdict,
            VerdictReason = reason,
            AllocBytesPerFrame = allocBytes,
            AllocCountPerFrame = allocCount,
            Retained = (retained ?? []).OrderByDescending(r => r.Bytes)
                .ThenBy(r => r.ReachableFrom, StringComparer.Ordinal).ToArray(),
            Leftovers = leftovers ?? ShutdownLeftovers.None,
        };
    }

    /// <summary>
    /// OLS of bytes over game minutes, holding the visible units fixed when every sample has them
    /// (a heap that follows the world's size is not a leak; growth at a constant world is); null when
    /// fewer than three samples or a single instant.
    /// </summary>
    public static SlopeEstimate? FitSlope(IReadOnlyList<HeapSample> samples)
    {
        if (samples.Count < 3 || samples.Select(s => s.GameSeconds).Distinct().Count() < 2)
        {
            return null;
        }

        var minutes = samples.Select(s => s.GameSeconds / 60.0).ToArray();
        var bytes = samples.Select(s => (double)s.Bytes).ToArray();
        var units = samples.All(s => s.VisibleUnits is not null)
            ? samples.Select(s => (double)s.VisibleUnits!.Value).ToArray()
            : null;
        var fit = units is null ? LinearFit.Of(minutes, bytes) : LinearFit.Of(minutes, units, bytes);
        var (low, high) = fit.SlopeInterval(0.95);

        // The trend line is drawn at the run's average world size.
        var intercept = fit.Intercept + ((fit.CovariateSlope ?? 0) * (units?.Average() ?? 0));
        return new SlopeEstimate(fit.Slope, intercept, low, high, fit.Count)
        {
            BytesPerVisibleUnit = fit.CovariateSlope,
        };
    }
}
