namespace BarHarness.Reports.Model;

/// <summary>What the runner measured during one sim frame; appended to a <see cref="FrameSeriesBuilder"/>.</summary>
/// <param name="Frame">Sim frame number.</param>
/// <param name="GameSeconds">Game time at the frame.</param>
/// <param name="Units">Units alive in the world.</param>
/// <param name="WidgetMicros">Real µs inside the widget's call-ins during the frame, engine calls included.</param>
/// <param name="Cost">Deterministic cost (see <c>Cost.CostModel.Price</c>).</param>
/// <param name="LuaInstructions">Lua VM instructions executed by the widget.</param>
/// <param name="EngineCalls">Spring.* calls made by the widget.</param>
/// <param name="EngineMicros">Real µs spent inside those engine calls.</param>
/// <param name="AllocBytes">Bytes the Lua allocator handed out.</param>
/// <param name="AllocCount">Allocations made.</param>
/// <param name="QueueDepth">Bytes waiting in the send buffers of the widget's sockets at the frame's end
/// (what the network has not taken yet; a widget's own Lua queue is not visible to the harness).</param>
/// <param name="FreshnessSeconds">Game seconds between the frame and the frame stamp of the newest message
/// the server has decoded; NaN before the first message.</param>
/// <param name="FaultFlags">Bit i set when fault i of <see cref="FrameSeries.FaultNames"/> is active.</param>
public readonly record struct FrameSample(
    long Frame,
    double GameSeconds,
    int Units,
    double WidgetMicros,
    double Cost,
    long LuaInstructions,
    long EngineCalls,
    double EngineMicros,
    long AllocBytes,
    long AllocCount,
    int? QueueDepth = null,
    double? FreshnessSeconds = null,
    long FaultFlags = 0)
{
    /// <summary>
    /// The widget's thread CPU µs in the frame's call-ins (C-library work and collections it asks for included,
    /// preemption excluded), less what the harness's instruments account for: what budgets judge.
    /// </summary>
    public double CpuMicros { get; init; }

    /// <summary>Thread CPU µs the harness's instruments (count hook, allocation counter) account for.</summary>
    public double InstrumentationMicros { get; init; }

    /// <summary>Real µs spent inside LuaSocket natives.</summary>
    public double SocketMicros { get; init; }

    /// <summary>
    /// How far the widget's own clock (Spring.GetTimer's virtual timer) advanced inside the frame's
    /// call-ins, in µs; null when the widget reads the machine's clock (nothing to compare).
    /// </summary>
    public double? TimerMicros { get; init; }

    /// <summary>
    /// Thread CPU µs of the Lua collector's steps between the frame's call-ins (Recoil's schedule: the
    /// frame pays for them, no call-in does). Not part of <see cref="CpuMicros"/>.
    /// </summary>
    public double CollectorMicros { get; init; }
}
