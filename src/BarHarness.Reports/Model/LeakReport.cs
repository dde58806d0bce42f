namespace BarHarness.Reports.Model;

/// <summary>The memory-leak report of one scenario.</summary>
public sealed record LeakReport
{
    /// <summary>Heap after full collection over game time, in time order (all samples, warm-up included).</summary>
    public IReadOnlyList<HeapSample> HeapSamples { get; init; } = [];

    /// <summary>Samples before this game time were warm-up and left out of the fit.</summary>
    public double FitFromGameSeconds { get; init; }

    /// <summary>The fitted trend; null when fewer than three samples were in the fit window.</summary>
    public SlopeEstimate? Slope { get; init; }

    /// <summary>Growth the scenario tolerates, in bytes per game minute (the verdict's threshold).</summary>
    public double AllowedBytesPerMinute { get; init; }

    public LeakVerdict Verdict { get; init; } = LeakVerdict.Inconclusive;

    /// <summary>The rule behind <see cref="Verdict"/> in words, so a reader need not look it up.</summary>
    public string VerdictReason { get; init; } = string.Empty;

    /// <summary>Bytes allocated per sim frame.</summary>
    public Distribution AllocBytesPerFrame { get; init; } = Distribution.Empty;

    /// <summary>Allocations per sim frame.</summary>
    public Distribution AllocCountPerFrame { get; init; } = Distribution.Empty;

    /// <summary>Steady-state objects still held at the end, largest first.</summary>
    public IReadOnlyList<RetainedObject> Retained { get; init; } = [];

    public ShutdownLeftovers Leftovers { get; init; } = ShutdownLeftovers.None;

    public static LeakReport Empty { get; } = new();
}
