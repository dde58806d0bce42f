namespace BarHarness.Reports.Model;

/// <summary>
/// The deterministic cost model's coefficients: cost of a frame in "µs on the calibration machine"
/// = PerInstruction·instructions + PerEngineCall·engineCalls + PerAllocByte·allocBytes
/// + PerAllocation·allocCount. Stored in summary.json so a later run prices frames identically.
/// </summary>
public sealed record CostCoefficients
{
    public required double PerInstruction { get; init; }

    public required double PerEngineCall { get; init; }

    public required double PerAllocByte { get; init; }

    public required double PerAllocation { get; init; }

    /// <summary>How many frames the calibration fitted (0 when the coefficients were set by hand).</summary>
    public int CalibrationFrames { get; init; }

    /// <summary>Share of real-time variance the fit explains (R², 0..1); low means cost tracks time poorly.</summary>
    public double CalibrationRSquared { get; init; }

    /// <summary>Free text naming where the calibration ran (machine label, date given by the caller).</summary>
    public string? CalibratedOn { get; init; }
}
