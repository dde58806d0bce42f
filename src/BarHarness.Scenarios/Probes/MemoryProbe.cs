namespace BarHarness.Scenarios.Probes;

/// <summary>
/// The Lua heap: a full collection and a heap sample every few game seconds (with the units the player
/// could see then), a census of what the widget retains when the steady state begins and after the
/// last frame, and the leak report fitted from them: growth over game time at a constant visible
/// world. Judges <c>memory.growth</c> from the same report.
/// </summary>
public sealed class MemoryProbe(
    ScenarioDefinition scenario,
    double sampleIntervalSeconds,
    LuaRuntime runtime,
    WidgetHost host,
    LifecycleProbe lifecycle,
    BudgetProbe budget,
    Func<int> visibleUnits) : IProbe
{
    /// <summary>The growth tolerated when the scenario sets no memory expectation (for the report's verdict).</summary>
    private const double DefaultAllowedKbPerMinute = 64;

    private readonly int _sampleEveryFrames =
        Math.Max(30, (int)(sampleIntervalSeconds * ScenarioDefinition.FramesPerSecond));
    private readonly List<HeapSample> _heap = new();
    private LeakReport? _report;
    private bool _steadyCensusTaken;

    public IReadOnlyCollection<string> Owns { get; } = [nameof(ScenarioResult.Leak)];

    /// <summary>Heap after a full collection, in game-time order.</summary>
    public IReadOnlyList<HeapSample> Heap => _heap;

    /// <summary>The retained-object census when the steady state began (empty if the run ended first).</summary>
    public IReadOnlyList<RetainedRoot> RetainedAtSteadyStart { get; private set; } = [];

    /// <summary>The retained-object census after the last frame, before Shutdown.</summary>
    public IReadOnlyList<RetainedRoot> RetainedAtEnd { get; private set; } = [];

    /// <summary>The leak report, fitted once when first asked for after the run.</summary>
    public LeakReport Report => _report ??= Analyze();

    private double SteadyFrom => SteadyState.StartSeconds(scenario, lifecycle.WidgetLoadedAtSeconds);

    public void OnFrame(in SimulationMoment now)
    {
        if (now.Frame % _sampleEveryFrames != 0)
        {
            return;
        }

        _heap.Add(new HeapSample(now.GameSeconds, runtime.CollectAndMeasureHeap(), visibleUnits()));
        if (!_steadyCensusTaken && lifecycle.WidgetLoadedAtSeconds is not null && now.GameSeconds >= SteadyFrom)
        {
            _steadyCensusTaken = true;
            RetainedAtSteadyStart = host.RetainedCensus();
        }
    }

    /// <summary>After the last frame, before Shutdown, while a widget is still loaded.</summary>
    internal void TakeEndCensus()
    {
        if (host.LoadedWidgets.Count > 0)
        {
            RetainedAtEnd = host.RetainedCensus();
        }
    }

    public void OnEnd(in SimulationMoment now) =>
        _heap.Add(new HeapSample(now.GameSeconds, runtime.CollectAndMeasureHeap(), visibleUnits()));

    public void Judge(ExpectationSet expectations, ICollection<ExpectationResult> verdicts)
    {
        if (expectations.Memory is not { } memory)
        {
            return;
        }

        var allowed = memory.MaxGrowthKbPerMinute * 1024;
        var leak = Report;
        var slope = leak.Slope;
        verdicts.Add(new ExpectationResult(
            "memory.growth",
            leak.Verdict != LeakVerdict.Growth && (slope is null || slope.Low95 <= allowed),
            $"heap after collection grows ≤ {memory.MaxGrowthKbPerMinute} KiB per game minute",
            slope is null
                ? $"no slope ({_heap.Count} heap samples)"
                : $"{slope.BytesPerMinute / 1024:0.##} KiB/min (95% CI {slope.Low95 / 1024:0.##}.."
                    + $"{slope.High95 / 1024:0.##}); verdict {leak.Verdict}",
            leak.VerdictReason));
    }

    public ScenarioResult Export(ScenarioResult result) => result with { Leak = Report };

    private LeakReport Analyze()
    {
        var allowed = (scenario.Expectations.Memory?.MaxGrowthKbPerMinute ?? DefaultAllowedKbPerMinute) * 1024;
        return LeakAnalyzer.Analyze(_heap, allowed, SteadyFrom, budget.Frames, Retained(), lifecycle.Leftovers);
    }

    /// <summary>
    /// The roots that grew most since the steady state began (then the largest), at most ten, each with
    /// its size at the end and its growth.
    /// </summary>
    private List<RetainedObject> Retained()
    {
        var before = RetainedAtSteadyStart.ToDictionary(r => r.Path, r => r.Bytes, StringComparer.Ordinal);
        return RetainedAtEnd
            .Select(r => new RetainedObject(r.Description, r.Bytes, r.Path)
            {
                GrowthBytes = r.Bytes - before.GetValueOrDefault(r.Path),
                Objects = r.Objects,
            })
            .OrderByDescending(r => r.GrowthBytes).ThenByDescending(r => r.Bytes)
            .ThenBy(r => r.ReachableFrom, StringComparer.Ordinal)
            .Take(10)
            .ToList();
    }
}
