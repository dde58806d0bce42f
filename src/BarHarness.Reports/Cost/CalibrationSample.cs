namespace BarHarness.Reports.Cost;

/// <summary>One frame's (or call's) counters next to the real µs it took, for calibration.</summary>
public readonly record struct CalibrationSample(
    long LuaInstructions, long EngineCalls, long AllocBytes, long AllocCount, double RealMicros);
