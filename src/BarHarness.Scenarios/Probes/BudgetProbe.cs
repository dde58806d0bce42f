using System.Diagnostics;
using BarHarness.LuaHost.Measurement;
using BarHarness.Reports.Statistics;

namespace BarHarness.Scenarios.Probes;

/// <summary>
/// The widget's time. Adds up each call-in's thread CPU time (instruments taken out), real time and
/// deterministic cost into frames, summarises them as they arrive, ranks the slowest frames, and
/// judges every <c>budget.*</c> expectation from the very <see cref="BudgetReport"/> it exports.
/// </summary>
public sealed class BudgetProbe : IProbe
{
    private const int SlowFramesKept = 12;
    private readonly FrameAccumulator _accumulator = new();
    private readonly List<SlowFrame> _slow = new();
    private readonly BudgetExpectation _expectation;
    private readonly CostModel? _cost;
    private readonly FunctionProfiler? _profiler;
    private readonly LuaRuntime _runtime;
    private readonly NetworkProbe _network;
    private readonly VirtualTimerCostModel? _timer;
    private readonly WidgetTimer _widgetTimer;
    private int _lastFrameClosed;

    /// <param name="cost">The deterministic cost model; null in an uninstrumented run, which prices nothing.</param>
    /// <param name="widgetTimer">What the widget's Spring.GetTimer reads, and its readings.</param>
    internal BudgetProbe(
        BudgetExpectation expectation,
        CostModel? cost,
        FunctionProfiler? profiler,
        LuaRuntime runtime,
        NetworkProbe network,
        WidgetTimer widgetTimer)
    {
        _widgetTimer = widgetTimer;
        _timer = widgetTimer.Mode == TimerMode.Virtual ? widgetTimer.Prices : null;
        _expectation = expectation;
        _cost = cost;
        _profiler = profiler;
        _runtime = runtime;
        _network = network;
        Frames = new FrameStatistics(expectation.BudgetMs * 1000, expectation.AfterSeconds);
    }

    public IReadOnlyCollection<string> Owns { get; } =
    [
        nameof(ScenarioResult.Budget), nameof(ScenarioResult.Frames), nameof(ScenarioResult.SlowestFrames),
        nameof(ScenarioResult.Profile),
    ];

    /// <summary>Every frame's figures, summarised as the run went.</summary>
    public FrameStatistics Frames { get; }

    /// <summary>The budget report, computed once when the run ends; verdicts and exporters read it.</summary>
    public BudgetReport Report { get; private set; } = BudgetReport.Empty;

    public IReadOnlyList<SlowFrame> SlowestFrames => _slow;

    public IReadOnlyList<FunctionProfileEntry> Profile { get; private set; } = [];

    public void OnCallIn(string callIn, in CallInSample sample) => _accumulator.Add(callIn, sample, Price);

    /// <summary>A collection step between call-ins took this much thread CPU time (ns).</summary>
    internal void OnCollectorStep(long cpuNanos) => _accumulator.AddCollectorStep(cpuNanos);

    /// <summary>
    /// Closes the frame that is ending: GameFrame, the unit call-ins of that frame, and the draw ticks
    /// that followed it. Called before the next sim frame starts, and once at the end.
    /// </summary>
    internal void CloseFrame(in SimulationMoment now)
    {
        if (now.Frame == 0 || now.Frame == _lastFrameClosed)
        {
            return;
        }

        _lastFrameClosed = now.Frame;
        var a = _accumulator;
        var sample = new FrameSample(
            now.Frame,
            now.GameSeconds,
            now.Units,
            Micros(a.Ticks),
            _cost?.Price(a.Instructions, a.EngineCalls, a.AllocBytes, a.AllocCount) ?? 0,
            a.Instructions,
            a.EngineCalls,
            Micros(a.EngineTicks),
            a.AllocBytes,
            a.AllocCount,
            _network.BytesQueuedToSend(),
            _network.FreshnessSeconds(now.Frame),
            _network.ActiveFaultFlags())
        {
            CpuMicros = a.WidgetCpuNanos / 1000.0,
            InstrumentationMicros = a.InstrumentationNanos / 1000.0,
            SocketMicros = Micros(a.SocketTicks),
            TimerMicros = _timer?.Nanos(a.Instructions, a.EngineCalls) / 1000.0,
            CollectorMicros = a.CollectorNanos / 1000.0,
        };
        Frames.Add(sample);
        RankSlowFrame(sample, a.CostliestCallIn, _profiler?.TakeFrameTop() ?? []);
        a.ResetFrame();
    }

    public void OnEnd(in SimulationMoment now)
    {
        Profile = _profiler?.Entries() ?? [];
        var callIns = _accumulator.ByCallIn.Values.OrderBy(c => c.CallIn, StringComparer.Ordinal).ToList();
        Report = BudgetCalculator.Compute(Frames, callIns) with
        {
            CpuClock = ThreadCpuClock.Description,
            HookNanosPerInstruction = _runtime.Instrumentation.NanosPerInstruction,
            CounterNanosPerAllocation = _runtime.Instrumentation.NanosPerAllocation,
            ClockReadNanos = ThreadCpuClock.ReadCostNanos,
            Timer = _widgetTimer.Name,
            TimerReadings = _widgetTimer.Mode == TimerMode.Cpu ? _widgetTimer.Readings.Taken : 0,
            TimerReadingsBeyondReplay = _widgetTimer.Readings.ReadingsBeyondReplay,
        };
    }

    // Every budget.* expectation judges the widget's CPU time over the judged frames, the figures the
    // report prints under budget.judged. Real time (which includes waiting for a core), the run's
    // contention and the deterministic cost (blind to C-library work) are printed beside it.
    public void Judge(ExpectationSet expectations, ICollection<ExpectationResult> verdicts)
    {
        var budget = expectations.Budget;
        var judged = Report.Judged;
        if (budget.P99Ms is double p99)
        {
            verdicts.Add(JudgeFrameCpu("p99", p99, budget.AfterSeconds, d => d.P99));
        }

        if (budget.MaxMs is double max)
        {
            verdicts.Add(JudgeFrameCpu("max", max, budget.AfterSeconds, d => d.Max));
        }

        if (budget.MaxOverBudgetShare is double share)
        {
            var over = judged.OverBudgetCpu.Share;
            var cost = _cost is null ? ")" : $"; deterministic cost {judged.OverBudgetCost.Share:P2})";
            verdicts.Add(new ExpectationResult(
                "budget.over_budget_share",
                over <= share,
                $"≤ {share:P2} of frames over {budget.BudgetMs} ms of CPU time",
                $"{over:P2} by CPU time (real time {judged.OverBudgetReal.Share:P2}, "
                    + $"contention {judged.Contention:0.00}x{cost}"));
        }

        if (budget.CollectorMeanMs is double collector)
        {
            var steps = judged.FrameCollectorMicros;
            verdicts.Add(new ExpectationResult(
                "budget.collector_mean",
                steps.Mean / 1000 <= collector,
                $"the widget's garbage costs the collector ≤ {collector} ms a frame on average after "
                    + $"{budget.AfterSeconds} s (steps between call-ins, as Recoil runs them)",
                $"{Ms(steps.Mean / 1000)} ms a frame, worst step {Ms(steps.Max / 1000)} ms"));
        }
    }

    public ScenarioResult Export(ScenarioResult result) => result with
    {
        Budget = Report,
        Frames = Frames.Chart.Build() with { FaultNames = _network.FaultNames },
        SlowestFrames = _slow.ToList(),
        Profile = Profile,
    };

    // budget.p99 or budget.max: that figure of the judged frames' CPU time against its limit.
    private ExpectationResult JudgeFrameCpu(
        string figureName, double limitMs, double afterSeconds, Func<Distribution, double> figure)
    {
        var value = figure(Report.Judged.FrameCpuMicros) / 1000;
        return new ExpectationResult(
            "budget." + figureName,
            value <= limitMs,
            $"{figureName} ≤ {limitMs} ms of CPU time per frame after {afterSeconds} s",
            Judged($"{Ms(value)} ms", figure));
    }

    // "1.40 ms CPU time (real 3.02 ms, contention 1.90x; deterministic cost 1.20 ms; Spring.GetTimer read 0.98x
    // CPU time)"
    private string Judged(string value, Func<Distribution, double> figure)
    {
        var judged = Report.Judged;
        var cost = _cost is null
            ? "no deterministic cost, uninstrumented run"
            : $"deterministic cost {Ms(figure(judged.FrameCost) / 1000)} ms";
        var timer = judged.TimerToCpu is double ratio ? $"; Spring.GetTimer read {ratio:0.00}x CPU time"
            : _widgetTimer.Mode == TimerMode.Cpu ? "; Spring.GetTimer read CPU time"
            : "";
        return $"{value} CPU time (real {Ms(figure(judged.FrameRealMicros) / 1000)} ms, "
            + $"contention {judged.Contention:0.00}x; {cost}{timer})";
    }

    private double Price(CallInSample s) =>
        _cost?.Price(s.Instructions, s.EngineCalls, s.AllocBytes, s.AllocCount) ?? 0;

    // Ranked by the widget's CPU time, what the budget verdicts judge (and what an uninstrumented run,
    // which prices nothing, still measures); earlier frames win ties.
    private void RankSlowFrame(in FrameSample sample, string costliestCallIn, IReadOnlyList<string> top)
    {
        if (_slow.Count >= SlowFramesKept && sample.CpuMicros <= _slow[^1].CpuMicros)
        {
            return;
        }

        _slow.Add(new SlowFrame(
            sample.Frame, sample.GameSeconds, sample.WidgetMicros, sample.Cost, costliestCallIn, top)
        {
            CpuMicros = sample.CpuMicros,
        });
        _slow.Sort((a, b) =>
            b.CpuMicros != a.CpuMicros ? b.CpuMicros.CompareTo(a.CpuMicros) : a.Frame.CompareTo(b.Frame));
        if (_slow.Count > SlowFramesKept)
        {
            _slow.RemoveAt(_slow.Count - 1);
        }
    }

    private static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    private static string Ms(double ms) => ms.ToString("0.###", CultureInfo.InvariantCulture);
}
