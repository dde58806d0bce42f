namespace BarHarness.TestServer.Faults;

/// <summary>
/// One parameter of a fault: its Toxiproxy attribute name and unit, its inclusive range in that unit
/// and its default (null: it must be given). Scenario and fault files write it as
/// <see cref="ScenarioKey"/> in <see cref="ScenarioUnit"/> (the same unit unless the fault file says
/// otherwise, as restart's <c>delay_s</c> does).
/// </summary>
public sealed record FaultParameter(
    string Name,
    FaultUnit Unit,
    double Min,
    double Max,
    double? Default = null,
    FaultUnit? InScenario = null)
{
    public FaultUnit ScenarioUnit => InScenario ?? Unit;

    /// <summary><c>latency_ms</c>, <c>delay_s</c>, <c>rate_kbps</c>, <c>bytes</c>.</summary>
    public string ScenarioKey => ScenarioUnit switch
    {
        FaultUnit.Microseconds => Name + "_us",
        FaultUnit.Milliseconds => Name + "_ms",
        FaultUnit.Seconds => Name + "_s",
        FaultUnit.KilobytesPerSecond => Name + "_kbps",
        _ => Name,
    };

    /// <summary>A value written in the scenario unit, in the parameter's own unit.</summary>
    public double FromScenario(double value) => value * Scale(ScenarioUnit) / Scale(Unit);

    /// <summary>A value in the parameter's own unit, in the scenario unit.</summary>
    public double ToScenario(double value) => value * Scale(Unit) / Scale(ScenarioUnit);

    private static double Scale(FaultUnit unit) => unit switch
    {
        FaultUnit.Microseconds => 1,
        FaultUnit.Milliseconds => 1_000,
        FaultUnit.Seconds => 1_000_000,
        _ => 1,
    };
}
