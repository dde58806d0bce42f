namespace BarHarness.Reports.Model;

/// <summary>Lua heap size right after a full garbage collection, at a game time.</summary>
public sealed record HeapSample(double GameSeconds, long Bytes);
