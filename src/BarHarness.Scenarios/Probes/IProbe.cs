namespace BarHarness.Scenarios.Probes;

/// <summary>
/// One observer of a simulation. It watches the run as it happens, owns exactly the report fields it
/// names in <see cref="Owns"/>, and judges its own expectations from the same numbers it exports:
/// a verdict and the report never compute a figure two ways, and a field no probe owns cannot be
/// written (<see cref="ProbeSet.Export"/> refuses it).
/// </summary>
public interface IProbe
{
    /// <summary>The <see cref="ScenarioResult"/> properties this probe fills; no other probe may.</summary>
    IReadOnlyCollection<string> Owns { get; }

    /// <summary>A call-in returned (GameFrame, Update, a unit event, Shutdown, ...).</summary>
    void OnCallIn(string callIn, in CallInSample sample)
    {
    }

    /// <summary>A sim frame ended: the widget had its GameFrame and the server read the network.</summary>
    void OnFrame(in SimulationMoment now)
    {
    }

    /// <summary>The run is over (the widgets shut down, the server read the last bytes).</summary>
    void OnEnd(in SimulationMoment now)
    {
    }

    /// <summary>Adds one verdict per expectation this probe judges, in report order.</summary>
    void Judge(ExpectationSet expectations, ICollection<ExpectationResult> verdicts);

    /// <summary>Writes the fields in <see cref="Owns"/>, from what the probe measured.</summary>
    ScenarioResult Export(ScenarioResult result);
}

/// <summary>Where the simulation stands: the sim frame, its game time and the units alive.</summary>
public readonly record struct SimulationMoment(int Frame, double GameSeconds, int Units);
