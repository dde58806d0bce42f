namespace BarHarness.Reports.Model;

/// <summary>Something still held at the end of the run that was created during the steady state.</summary>
/// <param name="Description">What it is, e.g. <c>table (412 entries)</c>.</param>
/// <param name="Bytes">Approximate size.</param>
/// <param name="ReachableFrom">Path that keeps it alive, e.g. <c>cache (upvalue of widget.lua:120 Update)</c> or
/// <c>WG.liveData.queue</c>.</param>
public sealed record RetainedObject(string Description, long Bytes, string ReachableFrom)
{
    /// <summary>Bytes this root held more at the end than when the steady state began (negative: fewer).</summary>
    public long GrowthBytes { get; init; }

    /// <summary>Objects only this root keeps alive at the end.</summary>
    public long Objects { get; init; }
}
