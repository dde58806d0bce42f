using System.Buffers.Binary;
using System.Security.Cryptography;

namespace BarHarness.Reports.Model;

/// <summary>
/// Collects <see cref="FrameSample"/>s frame by frame into at most <see cref="Capacity"/> points and
/// freezes them into a <see cref="FrameSeries"/>. While the run fits, a point is a frame. When it no
/// longer does, neighbouring points merge pairwise (each then stands for twice the frames): a point
/// keeps its costliest frame (ties to the earlier), the lowest and highest real time, the mean cost
/// and the union of the fault flags. Memory is bounded by the capacity, whatever the run's length.
/// Optional columns (queue depth, freshness) are kept only when at least one frame supplied them;
/// frames that did not are recorded as 0 / NaN respectively.
/// </summary>
public sealed class FrameSeriesBuilder : IDisposable
{
    /// <summary>Points kept by default: a run of up to 2 minutes and 16 seconds stays one point per frame.</summary>
    public const int DefaultCapacity = 4096;

    private readonly IReadOnlyList<string> _faultNames;
    private readonly Point[] _points;
    private readonly IncrementalHash _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _count;
    private Point _pending;
    private bool _sawQueueDepth;
    private bool _sawFreshness;

    /// <param name="faultNames">Names for the fault flag bits, bit 0 first (at most 64).</param>
    /// <param name="capacity">Most points kept (even, at least 2).</param>
    public FrameSeriesBuilder(IReadOnlyList<string>? faultNames = null, int capacity = DefaultCapacity)
    {
        _faultNames = faultNames ?? [];
        if (_faultNames.Count > 64)
        {
            throw new ArgumentException("At most 64 fault names fit in the per-frame flags.", nameof(faultNames));
        }

        if (capacity < 2 || capacity % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "An even number of points, at least 2.");
        }

        Capacity = capacity;
        _points = new Point[capacity];
    }

    public int Capacity { get; }

    /// <summary>Frames added so far.</summary>
    public long Frames { get; private set; }

    /// <summary>Frames each point stands for now.</summary>
    public int FramesPerPoint { get; private set; } = 1;

    /// <summary>Points held (complete ones and the one being filled): never above <see cref="Capacity"/>.</summary>
    public int Count => _count + (_pending.Frames > 0 ? 1 : 0);

    public void Add(in FrameSample sample)
    {
        Digest(sample);
        Frames++;
        _sawQueueDepth |= sample.QueueDepth.HasValue;
        _sawFreshness |= sample.FreshnessSeconds.HasValue;
        _pending = _pending.Frames == 0 ? Point.Of(sample) : _pending.Merge(Point.Of(sample));
        if (_pending.Frames < FramesPerPoint)
        {
            return;
        }

        _points[_count++] = _pending;
        _pending = default;
        if (_count == Capacity)
        {
            for (var i = 0; i < Capacity / 2; i++)
            {
                _points[i] = _points[2 * i].Merge(_points[(2 * i) + 1]);
            }

            _count = Capacity / 2;
            FramesPerPoint *= 2;
        }
    }

    public FrameSeries Build()
    {
        var points = _points.Take(_count).Concat(_pending.Frames > 0 ? [_pending] : []).ToArray();
        return new FrameSeries
        {
            Frame = points.Select(p => p.Worst.Frame).ToArray(),
            GameSeconds = points.Select(p => p.Worst.GameSeconds).ToArray(),
            Units = points.Select(p => p.Worst.Units).ToArray(),
            WidgetMicros = points.Select(p => p.Worst.WidgetMicros).ToArray(),
            Cost = points.Select(p => p.Worst.Cost).ToArray(),
            LuaInstructions = points.Select(p => p.Worst.LuaInstructions).ToArray(),
            EngineCalls = points.Select(p => p.Worst.EngineCalls).ToArray(),
            EngineMicros = points.Select(p => p.Worst.EngineMicros).ToArray(),
            CpuMicros = points.Select(p => p.Worst.CpuMicros).ToArray(),
            InstrumentationMicros = points.Select(p => p.Worst.InstrumentationMicros).ToArray(),
            SocketMicros = points.Select(p => p.Worst.SocketMicros).ToArray(),
            AllocBytes = points.Select(p => p.Worst.AllocBytes).ToArray(),
            AllocCount = points.Select(p => p.Worst.AllocCount).ToArray(),
            QueueDepth = _sawQueueDepth ? points.Select(p => p.Worst.QueueDepth ?? 0).ToArray() : null,
            FreshnessSeconds = _sawFreshness
                ? points.Select(p => p.Worst.FreshnessSeconds ?? double.NaN).ToArray()
                : null,
            FaultFlags = points.Select(p => p.Worst.FaultFlags | p.FaultFlags).ToArray(),
            FaultNames = _faultNames.ToArray(),
            FramesPerPoint = FramesPerPoint,
            MinWidgetMicros = points.Select(p => p.MinReal).ToArray(),
            MaxWidgetMicros = points.Select(p => p.MaxReal).ToArray(),
            MeanCost = points.Select(p => p.CostSum / p.Frames).ToArray(),
            Digest = Convert.ToHexStringLower(_digest.GetCurrentHash()),
        };
    }

    public void Dispose() => _digest.Dispose();

    private void Digest(in FrameSample s)
    {
        Span<byte> row = stackalloc byte[88];
        BinaryPrimitives.WriteInt64LittleEndian(row, s.Frame);
        BinaryPrimitives.WriteDoubleLittleEndian(row[8..], s.GameSeconds);
        BinaryPrimitives.WriteInt64LittleEndian(row[16..], s.Units);
        BinaryPrimitives.WriteInt64LittleEndian(row[24..], s.LuaInstructions);
        BinaryPrimitives.WriteInt64LittleEndian(row[32..], s.EngineCalls);
        BinaryPrimitives.WriteInt64LittleEndian(row[40..], s.AllocBytes);
        BinaryPrimitives.WriteInt64LittleEndian(row[48..], s.AllocCount);
        BinaryPrimitives.WriteDoubleLittleEndian(row[56..], s.Cost);
        BinaryPrimitives.WriteInt64LittleEndian(row[64..], s.FaultFlags);
        BinaryPrimitives.WriteInt64LittleEndian(row[72..], s.QueueDepth ?? -1);
        BinaryPrimitives.WriteDoubleLittleEndian(row[80..], s.FreshnessSeconds ?? -1);
        _digest.AppendData(row);
    }

    private readonly record struct Point(
        FrameSample Worst, int Frames, double MinReal, double MaxReal, double CostSum, long FaultFlags)
    {
        public static Point Of(in FrameSample s) => new(s, 1, s.WidgetMicros, s.WidgetMicros, s.Cost, s.FaultFlags);

        // The earlier point comes first, so ties keep the earlier frame.
        public Point Merge(in Point later) => new(
            later.Worst.Cost > Worst.Cost ? later.Worst : Worst,
            Frames + later.Frames,
            Math.Min(MinReal, later.MinReal),
            Math.Max(MaxReal, later.MaxReal),
            CostSum + later.CostSum,
            FaultFlags | later.FaultFlags);
    }
}
