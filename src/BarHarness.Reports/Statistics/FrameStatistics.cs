namespace BarHarness.Reports.Statistics;

/// <summary>
/// Everything the budget and leak reports say about frames, gathered frame by frame in memory that does
/// not grow with the run (see <see cref="StreamingSummary"/> for the accuracy of each figure): the whole
/// run, the frames the budget verdicts judge (from <see cref="JudgedAfterSeconds"/> on), each unit-count
/// bucket, allocation per frame, and a bounded chart series (<see cref="FrameSeriesBuilder"/>).
/// </summary>
public sealed class FrameStatistics
{
    private readonly UnitCountBuckets _buckets;
    private readonly FrameWindowStatistics?[] _byBucket;

    /// <param name="budgetMicros">Per-frame budget; frames above it are counted exactly.</param>
    /// <param name="judgedAfterSeconds">
    /// Frames from this game time on are also summarised apart (the verdicts' window).
    /// </param>
    /// <param name="buckets">Unit-count buckets, <see cref="UnitCountBuckets.Standard"/> by default.</param>
    /// <param name="chart">The chart series to feed (a bounded one by default).</param>
    public FrameStatistics(
        double budgetMicros = 2000,
        double judgedAfterSeconds = 0,
        UnitCountBuckets? buckets = null,
        FrameSeriesBuilder? chart = null)
    {
        BudgetMicros = budgetMicros;
        JudgedAfterSeconds = judgedAfterSeconds;
        _buckets = buckets ?? UnitCountBuckets.Standard;
        _byBucket = new FrameWindowStatistics?[_buckets.Count];
        All = new FrameWindowStatistics(budgetMicros);
        Judged = new FrameWindowStatistics(budgetMicros);
        Chart = chart ?? new FrameSeriesBuilder();
    }

    public double BudgetMicros { get; }

    public double JudgedAfterSeconds { get; }

    public FrameWindowStatistics All { get; }

    public FrameWindowStatistics Judged { get; }

    public StreamingSummary AllocBytes { get; } = new();

    public StreamingSummary AllocCount { get; } = new();

    public FrameSeriesBuilder Chart { get; }

    /// <summary>Game time of the last frame added (0 before any).</summary>
    public double LastGameSeconds { get; private set; }

    public UnitCountBuckets Buckets => _buckets;

    /// <summary>Values, buckets and chart points held now: what the memory bound is about.</summary>
    public long CellsHeld =>
        new[] { All, Judged }.Concat(_byBucket.OfType<FrameWindowStatistics>()).Sum(w => w.CellsHeld)
        + AllocBytes.CellsHeld + AllocCount.CellsHeld + Chart.Count;

    /// <summary>Bucket i's frames, or null when none fell in it.</summary>
    public FrameWindowStatistics? Bucket(int index) => _byBucket[index];

    /// <summary>Summarises a finished series (every point counted as one frame).</summary>
    public static FrameStatistics Of(
        FrameSeries frames, double budgetMicros = 2000, double judgedAfterSeconds = 0, UnitCountBuckets? buckets = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var stats = new FrameStatistics(budgetMicros, judgedAfterSeconds, buckets, new FrameSeriesBuilder(capacity: 2));
        for (var i = 0; i < frames.Count; i++)
        {
            stats.Add(new FrameSample(
                frames.Frame[i],
                frames.GameSeconds[i],
                frames.Units[i],
                frames.WidgetMicros[i],
                frames.Cost[i],
                frames.LuaInstructions[i],
                frames.EngineCalls[i],
                frames.EngineMicros[i],
                frames.AllocBytes[i],
                frames.AllocCount[i])
            {
                CpuMicros = i < frames.CpuMicros.Count ? frames.CpuMicros[i] : 0,
                InstrumentationMicros = i < frames.InstrumentationMicros.Count ? frames.InstrumentationMicros[i] : 0,
                SocketMicros = i < frames.SocketMicros.Count ? frames.SocketMicros[i] : 0,
            });
        }

        return stats;
    }

    public void Add(in FrameSample sample)
    {
        All.Add(sample);
        if (sample.GameSeconds >= JudgedAfterSeconds)
        {
            Judged.Add(sample);
        }

        var bucket = _buckets.IndexOf(sample.Units);
        (_byBucket[bucket] ??= new FrameWindowStatistics(BudgetMicros)).Add(sample);
        AllocBytes.Add(sample.AllocBytes);
        AllocCount.Add(sample.AllocCount);
        LastGameSeconds = sample.GameSeconds;
        Chart.Add(sample);
    }
}
