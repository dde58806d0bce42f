namespace BarHarness.Reports.Model;

/// <summary>
/// Pass: every expectation held. Fail: the run completed but an expectation did not hold.
/// Error: the run itself could not complete (widget crash, bad scenario, harness fault).
/// </summary>
public enum ScenarioOutcome
{
    Pass,
    Fail,
    Error,
}
