namespace BarHarness.Scenarios.Definition;

/// <summary>
/// One entry of the test server's fault schedule. Parameters are checked against
/// <see cref="FaultCatalog"/> and completed with its defaults, so every declared parameter is present.
/// </summary>
/// <param name="Kind">Which fault.</param>
/// <param name="AtSeconds">When it starts (game seconds).</param>
/// <param name="EndSeconds">When it is removed; null means until the end of the run. Instant faults have none.</param>
/// <param name="Parameters">Parameter values by name (see <see cref="FaultCatalog"/>), defaults filled in.</param>
/// <param name="Toxicity">Probability (0..1) that the fault applies to a connection, as in Toxiproxy.</param>
/// <param name="Direction">Which stream it acts on (upstream: widget to server; downstream: server to widget), or null for the fault's natural one.</param>
public sealed record FaultSpec(
    FaultKind Kind,
    double AtSeconds,
    double? EndSeconds,
    IReadOnlyDictionary<string, double> Parameters,
    double Toxicity,
    FaultDirection? Direction)
{
    /// <summary>The fault's name in scenario files and reports (<c>slow_close</c>, ...).</summary>
    public string Name => FaultCatalog.NameOf(Kind);

    public bool IsInstant => FaultCatalog.Get(Kind).IsInstant;

    /// <summary>A parameter's value (declared parameters are always present).</summary>
    public double this[string parameter] => Parameters[parameter];

    /// <summary>
    /// The parameters in the test server's names and units (<c>restart.delay_s: 2</c> becomes
    /// <c>delay: 2000</c> ms), plus <c>toxicity</c> and, when given, <c>stream</c>: the shape
    /// <c>BarHarness.TestServer.Faults.FaultCatalog.Create</c> takes.
    /// </summary>
    public IReadOnlyDictionary<string, object?> ToServerParameters()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var parameter in FaultCatalog.Get(Kind).Parameters)
        {
            result[parameter.ServerName] = Parameters[parameter.Name] * parameter.ServerScale;
        }

        result["toxicity"] = Toxicity;
        if (Direction is { } direction)
        {
            result["stream"] = direction == FaultDirection.Upstream ? "upstream" : "downstream";
        }

        return result;
    }

    public bool IsActiveAt(double seconds) =>
        IsInstant ? seconds == AtSeconds : seconds >= AtSeconds && (EndSeconds is null || seconds < EndSeconds);
}

/// <summary>The test server's faults, named after Toxiproxy's toxics where one exists.</summary>
public enum FaultKind
{
    /// <summary>The server stops listening and drops connections (Toxiproxy "disabled proxy"); a window.</summary>
    Down,

    /// <summary>The server closes the current connection gracefully (FIN); instant.</summary>
    Disconnect,

    /// <summary>Connections are reset (RST) while active; a window.</summary>
    ResetPeer,

    /// <summary>The server goes down and comes back after <c>delay_s</c>; instant.</summary>
    Restart,

    /// <summary>Adds <c>latency_ms</c> ± <c>jitter_ms</c> to data; a window.</summary>
    Latency,

    /// <summary>Limits throughput to <c>rate_kbps</c> KB/s; a window.</summary>
    Bandwidth,

    /// <summary>The server stops reading: buffers fill and sends start to block/time out (slow reader, half-open); a window.</summary>
    StopRead,

    /// <summary>Slices data into <c>average_size</c> ± <c>size_variation</c> byte pieces, <c>delay_us</c> apart; a window.</summary>
    Slicer,

    /// <summary>Closes the connection after <c>bytes</c> bytes; a window.</summary>
    LimitData,

    /// <summary>Delays the close of a connection by <c>delay_ms</c>; a window.</summary>
    SlowClose,

    /// <summary>Stops all data and closes after <c>timeout_ms</c> (0: hold until removed); a window.</summary>
    Timeout,

    /// <summary>The server sends <c>bytes</c> bytes of garbage in lines of <c>line_length</c>; instant.</summary>
    Garbage,
}

public enum FaultDirection
{
    /// <summary>Server to widget (Toxiproxy's default stream).</summary>
    Downstream,

    /// <summary>Widget to server.</summary>
    Upstream,
}
