namespace BarHarness.Reports.Model;

/// <summary>One widget function in the per-function profile.</summary>
/// <param name="Function"><c>file:line name</c> as the profiler saw it.</param>
/// <param name="SelfSamples">Samples (or hook hits) landing in the function itself.</param>
/// <param name="SelfInstructions">Lua instructions executed in the function itself.</param>
/// <param name="Share">Share of all widget samples, 0..1.</param>
public sealed record FunctionProfileEntry(string Function, long SelfSamples, long SelfInstructions, double Share)
{
    /// <summary>Bytes allocated inside call-ins, charged to this function when a tick landed in it (sampled).</summary>
    public long AllocBytes { get; init; }
}
