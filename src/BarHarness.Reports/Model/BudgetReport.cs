namespace BarHarness.Reports.Model;

/// <summary>
/// The 2 ms frame-budget report of one scenario. "Widget time" is all real time inside the widget's
/// call-ins during a sim frame, engine calls included; <see cref="FrameEngineMicros"/> is the part
/// spent inside engine (Spring.*) calls, shown apart so the widget's own Lua cost is visible.
/// </summary>
public sealed record BudgetReport
{
    /// <summary>The per-frame budget in real µs (2000 = BAR's 2 ms target).</summary>
    public double BudgetMicros { get; init; } = 2000;

    /// <summary>Real widget µs per sim frame.</summary>
    public Distribution FrameRealMicros { get; init; } = Distribution.Empty;

    /// <summary>Deterministic cost per sim frame (µs-equivalent on the calibration machine).</summary>
    public Distribution FrameCost { get; init; } = Distribution.Empty;

    /// <summary>Real µs per frame spent inside engine calls.</summary>
    public Distribution FrameEngineMicros { get; init; } = Distribution.Empty;

    /// <summary>Engine-call µs over all widget µs for the whole run (0..1).</summary>
    public double EngineShare { get; init; }

    /// <summary>
    /// Widget thread CPU µs per sim frame, the harness's instruments' share taken out: the figure every
    /// <c>budget.*</c> expectation judges (C-library work and collections it asks for count; preemption
    /// and the collector's steps between call-ins, <see cref="FrameCollectorMicros"/>, do not).
    /// </summary>
    public Distribution FrameCpuMicros { get; init; } = Distribution.Empty;

    /// <summary>Frames whose widget CPU time exceeded the budget (the figure budgets judge).</summary>
    public OverBudget OverBudgetCpu { get; init; } = OverBudget.None;

    /// <summary>
    /// Thread CPU µs per sim frame of the Lua collector's steps, run between call-ins as Recoil runs them
    /// (the frame pays; no call-in, and so no frame-time verdict, does).
    /// </summary>
    public Distribution FrameCollectorMicros { get; init; } = Distribution.Empty;

    /// <summary>Real µs per frame spent inside LuaSocket natives.</summary>
    public Distribution FrameSocketMicros { get; init; } = Distribution.Empty;

    /// <summary>LuaSocket µs over all widget µs for the whole run (0..1).</summary>
    public double SocketShare { get; init; }

    /// <summary>
    /// Contention: all real widget µs over all thread CPU µs (instruments included) for the run. 1.0 on
    /// a quiet machine; above it the thread waited for a core (another process, or the harness's own
    /// threads) while inside the widget, and real-time figures of this run are that much noisier.
    /// </summary>
    public double Contention { get; init; }

    /// <summary>Thread CPU µs the instruments accounted for, over all thread CPU µs in call-ins (0..1).</summary>
    public double InstrumentationShare { get; init; }

    /// <summary>The clock behind the CPU figures (e.g. <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>).</summary>
    public string CpuClock { get; init; } = string.Empty;

    /// <summary>Measured CPU ns the instruction count hook adds per Lua instruction (subtracted).</summary>
    public double HookNanosPerInstruction { get; init; }

    /// <summary>Measured CPU ns the allocation counter adds per allocation (subtracted).</summary>
    public double CounterNanosPerAllocation { get; init; }

    /// <summary>Measured CPU ns one reading of the CPU clock costs (subtracted once per call-in).</summary>
    public double ClockReadNanos { get; init; }

    /// <summary>
    /// What the widget's Spring.GetTimer read: <c>cpu</c> (virtual time plus the widget's CPU time over its
    /// call-ins), <c>cpu replayed</c> (an earlier cpu run's readings), <c>virtual</c> (virtual time plus priced
    /// instructions and engine calls) or <c>real</c> (the machine's clock).
    /// </summary>
    public string Timer { get; init; } = string.Empty;

    /// <summary>
    /// Spring.GetTimer readings the widget took in a cpu-timer run (each kept for a replay); 0 otherwise.
    /// </summary>
    public long TimerReadings { get; init; }

    /// <summary>In a replay: readings taken live because the recorded ones ran out (0: it followed them all).</summary>
    public long TimerReadingsBeyondReplay { get; init; }

    /// <summary>Frames whose real widget time exceeded the budget.</summary>
    public OverBudget OverBudgetReal { get; init; } = OverBudget.None;

    /// <summary>Frames whose deterministic cost exceeded the budget (the figure the CI gate trusts).</summary>
    public OverBudget OverBudgetCost { get; init; } = OverBudget.None;

    /// <summary>Per call-in figures, in call-in name order.</summary>
    public IReadOnlyList<CallInBudget> CallIns { get; init; } = [];

    /// <summary>Per unit-count bucket figures, in ascending unit order; empty buckets are left out.</summary>
    public IReadOnlyList<UnitBucketBudget> UnitBuckets { get; init; } = [];

    /// <summary>The frames the budget verdicts judge (after warm-up), summarised like the whole run.</summary>
    public JudgedFrames Judged { get; init; } = JudgedFrames.Empty;

    public static BudgetReport Empty { get; } = new();
}
