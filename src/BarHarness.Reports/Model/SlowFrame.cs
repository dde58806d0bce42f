namespace BarHarness.Reports.Model;

/// <summary>One of the frames with the most widget CPU time, with what was responsible.</summary>
/// <param name="Frame">Sim frame number.</param>
/// <param name="GameSeconds">Game time of the frame.</param>
/// <param name="WidgetMicros">Real µs spent in the widget during the frame.</param>
/// <param name="Cost">Deterministic cost of the frame.</param>
/// <param name="CallIn">The call-in that took the most time in that frame (e.g. <c>GameFrame</c>).</param>
/// <param name="TopFunctions">Widget functions that took most of it, <c>file:line name</c>, heaviest first.</param>
public sealed record SlowFrame(
    long Frame, double GameSeconds, double WidgetMicros, double Cost, string CallIn, IReadOnlyList<string> TopFunctions)
{
    /// <summary>The widget's CPU µs in the frame (what the slowest frames are ranked by).</summary>
    public double CpuMicros { get; init; }
}
