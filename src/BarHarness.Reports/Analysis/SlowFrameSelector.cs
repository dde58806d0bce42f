using BarHarness.Reports.Model;

namespace BarHarness.Reports.Analysis;

/// <summary>
/// Picks which frames go in the "slowest frames" table; the runner then attaches the call-in and
/// widget functions it recorded for those frames and builds <see cref="SlowFrame"/>s.
/// </summary>
public static class SlowFrameSelector
{
    /// <summary>Indices into <paramref name="frames"/> of the <paramref name="count"/> slowest frames by real
    /// widget µs, slowest first; ties go to the earlier frame so the choice is stable.</summary>
    public static IReadOnlyList<int> SlowestIndices(FrameSeries frames, int count)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return Enumerable.Range(0, frames.Count)
            .OrderByDescending(i => frames.WidgetMicros[i])
            .ThenBy(i => i)
            .Take(Math.Max(0, count))
            .ToArray();
    }
}
