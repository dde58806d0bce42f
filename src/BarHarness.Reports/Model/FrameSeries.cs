namespace BarHarness.Reports.Model;

/// <summary>
/// Per-sim-frame measurements kept as columns (one array per figure, all of length <see cref="Count"/>),
/// so a two-hour run (~216,000 frames) stays compact. Build it with <see cref="FrameSeriesBuilder"/>.
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

    /// <summary>Widget thread CPU µs per frame, the instruments' share taken out (<see cref="FrameSample.CpuMicros"/>).</summary>
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

    public int Count => Frame.Count;

    public static FrameSeries Empty { get; } = new();
}
