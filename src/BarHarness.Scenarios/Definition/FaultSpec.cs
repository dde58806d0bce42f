namespace BarHarness.Scenarios.Definition;

/// <summary>
/// One entry of the test server's fault schedule as a scenario file gives it. Parameters are checked
/// against the fault's own schema (<see cref="FaultCatalog"/>) and completed with its defaults, so
/// every declared parameter is present.
/// </summary>
/// <param name="Name">The fault's name (<c>slow_close</c>, ...), as its file in TestServer/Faults declares it.</param>
/// <param name="AtSeconds">When it starts (game seconds).</param>
/// <param name="EndSeconds">When it is removed; null means until the end of the run. Instant faults have none.</param>
/// <param name="Parameters">Parameter values by scenario key (<c>latency_ms</c>) in the key's unit, defaults filled
/// in.</param>
/// <param name="Toxicity">Probability (0..1) that the fault applies to a connection, as in Toxiproxy.</param>
/// <param name="Direction">Which stream it acts on (upstream: widget to server; downstream: server to widget), or null
/// for the fault's natural one.</param>
public sealed record FaultSpec(
    string Name,
    double AtSeconds,
    double? EndSeconds,
    IReadOnlyDictionary<string, double> Parameters,
    double Toxicity,
    FaultDirection? Direction)
{
    /// <summary>What the fault's file declares: parameters, units, instant or window.</summary>
    public FaultSchema Schema => FaultCatalog.Default.Get(Name);

    public bool IsInstant => Schema.IsInstant;

    /// <summary>A parameter's value by scenario key (declared parameters are always present).</summary>
    public double this[string parameter] => Parameters[parameter];

    /// <summary>The test server's fault: parameters in the fault's own units, toxicity and stream applied.</summary>
    public Fault ToFault()
    {
        var schema = Schema;
        var values = schema.Parameters
            .Where(p => Parameters.ContainsKey(p.ScenarioKey))
            .ToDictionary(p => p.Name, p => p.FromScenario(Parameters[p.ScenarioKey]));
        var fault = schema.Create(values) with { Toxicity = Toxicity };
        return Direction switch
        {
            FaultDirection.Upstream => fault with { Stream = FaultStream.Upstream },
            FaultDirection.Downstream => fault with { Stream = FaultStream.Downstream },
            _ => fault,
        };
    }

    public bool IsActiveAt(double seconds) =>
        IsInstant ? seconds == AtSeconds : seconds >= AtSeconds && (EndSeconds is null || seconds < EndSeconds);
}

public enum FaultDirection
{
    /// <summary>Server to widget (Toxiproxy's default stream).</summary>
    Downstream,

    /// <summary>Widget to server.</summary>
    Upstream,
}
