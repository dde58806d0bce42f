namespace BarHarness.Reports.Model;

/// <summary>
/// Per-sim-frame measurements kept as columns (one array per figure, all of length <see cref="Count"/>),
/// for charts. Build it with <see cref="FrameSeriesBuilder"/>, which bounds it: past its capacity each
/// point stands for <see cref="FramesPerPoint"/> consecutive frames and holds the costliest of them (so
/// spikes survive), with the bucket's real-time minimum, maximum and mean cost beside it. Statistics
/// never come from here (they stream, see <c>Statistics.FrameStatistics</c>).
/// Not written to summary.json (too large); the HTML report charts it.
/// </summary>
public sealed record FrameSeries
{
    public IReadOnlyList<long> Frame { get; init; } = [];

    public IReadOnlyList<double> GameSeconds { get; init; } = [];

    public IReadOnlyList<int> Units { get; init; } = [];

    public IReadOnlyList<double> WidgetMicros { get; init; } = [];

    public IReadOnlyList<double> Cost { get; init; } = [];

    public IReadOnlyList<long> LuaInstructions { get; init; } = [];

    public IReadOnlyList<long> EngineCalls { get; init; } = [];

    public IReadOnlyList<double> EngineMicros { get; init; } = [];

    /// <summary>
    /// Widget thread CPU µs per frame, the instruments' share taken out (<see cref="FrameSample.CpuMicros"/>).
    /// </summary>
    public IReadOnlyList<double> CpuMicros { get; init; } = [];

    /// <summary>Thread CPU µs per frame the harness's instruments account for.</summary>
    public IReadOnlyList<double> InstrumentationMicros { get; init; } = [];

    /// <summary>Real µs per frame inside LuaSocket natives.</summary>
    public IReadOnlyList<double> SocketMicros { get; init; } = [];

    public IReadOnlyList<long> AllocBytes { get; init; } = [];

    public IReadOnlyList<long> AllocCount { get; init; } = [];

    /// <summary>Null when the widget exposes no queue depth.</summary>
    public IReadOnlyList<int>? QueueDepth { get; init; }

    /// <summary>Null when freshness was not measured.</summary>
    public IReadOnlyList<double>? FreshnessSeconds { get; init; }

    /// <summary>Bit i set when fault <see cref="FaultNames"/>[i] was active during the frame.</summary>
    public IReadOnlyList<long> FaultFlags { get; init; } = [];

    /// <summary>Names of the fault flag bits (at most 64).</summary>
    public IReadOnlyList<string> FaultNames { get; init; } = [];

    /// <summary>Frames each point stands for (1 until the run outgrew the builder's capacity).</summary>
    public int FramesPerPoint { get; init; } = 1;

    /// <summary>Lowest real widget µs among the frames of each point.</summary>
    public IReadOnlyList<double> MinWidgetMicros { get; init; } = [];

    /// <summary>Highest real widget µs among the frames of each point.</summary>
    public IReadOnlyList<double> MaxWidgetMicros { get; init; } = [];

    /// <summary>Mean deterministic cost over the frames of each point.</summary>
    public IReadOnlyList<double> MeanCost { get; init; } = [];

    /// <summary>
    /// SHA-256 (hex) over the deterministic columns of every frame added, in order, computed as they
    /// came: it fingerprints the whole run even when the points are downsampled.
    /// </summary>
    public string Digest { get; init; } = string.Empty;

    public int Count => Frame.Count;

    public static FrameSeries Empty { get; } = new();
}
