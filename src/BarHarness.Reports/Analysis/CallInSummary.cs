namespace BarHarness.Reports.Analysis;

/// <summary>
/// Every call of one call-in during a scenario, summarised as it came: real µs and deterministic cost per call.
/// </summary>
public sealed record CallInSummary(string CallIn, StreamingSummary RealMicros, StreamingSummary Cost)
{
    /// <summary>Widget CPU µs per call (thread CPU time less the instruments' share).</summary>
    public StreamingSummary CpuMicros { get; init; } = new();

    public static CallInSummary Of(CallInSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var real = StreamingSummary.Of(samples.RealMicros);
        return new CallInSummary(samples.CallIn, real, StreamingSummary.Of(samples.Cost))
        {
            CpuMicros = StreamingSummary.Of(samples.CpuMicros),
        };
    }
}
