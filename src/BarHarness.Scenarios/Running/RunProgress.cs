namespace BarHarness.Scenarios.Running;

/// <summary>A progress report from a running scenario (for the CLI's bars).</summary>
public readonly record struct RunProgress(
    string Scenario, double GameSeconds, double DurationSeconds, int Units, double FramesPerSecond);
