namespace BarHarness.TestServer.Faults;

/// <summary>
/// What a fault file declares about its fault: its name (Toxiproxy's, where Toxiproxy has the fault),
/// its parameters, whether it happens at one instant or holds over a window, whether Toxiproxy has
/// it as a toxic, and how to build it from parameter values.
/// </summary>
public sealed record FaultSchema(
    string Name,
    bool IsInstant,
    bool IsToxiproxyToxic,
    IReadOnlyList<FaultParameter> Parameters,
    Func<IReadOnlyDictionary<string, double>, Fault> Build)
{
    public static FaultSchema Window(
        string name, Func<IReadOnlyDictionary<string, double>, Fault> build, params FaultParameter[] parameters) =>
        new(name, false, true, parameters, build);

    public static FaultSchema Instant(
        string name, Func<IReadOnlyDictionary<string, double>, Fault> build, params FaultParameter[] parameters) =>
        new(name, true, false, parameters, build);

    public FaultParameter? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Builds the fault from values in the parameters' own units, keyed by parameter name; defaults
    /// fill what is missing. A missing required value or one out of range names the parameter.
    /// </summary>
    public Fault Create(IReadOnlyDictionary<string, double> values, SourceLocation? location = null)
    {
        var complete = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in Parameters)
        {
            if (values.TryGetValue(p.Name, out var value))
            {
                if (!double.IsFinite(value) || value < p.Min || value > p.Max)
                {
                    throw new HarnessInputException(
                        location,
                        $"{p.Name} {Show(value)} of fault '{Name}'",
                        $"{Show(p.Min)} to {Show(p.Max)}{UnitText(p.Unit)}");
                }

                complete[p.Name] = value;
            }
            else
            {
                complete[p.Name] = p.Default
                    ?? throw new HarnessInputException(location, $"fault '{Name}' needs '{p.Name}'", Signature());
            }
        }

        return Build(complete);
    }

    /// <summary><c>latency {latency ms, jitter ms (default 0)}</c>.</summary>
    public string Signature() =>
        Parameters.Count == 0
            ? $"{Name} takes no parameters"
            : $"{Name} {{{string.Join(", ", Parameters.Select(Describe))}}}";

    private static string Describe(FaultParameter p) =>
        p.Name + UnitText(p.Unit) + (p.Default is { } d ? $" (default {Show(d)})" : string.Empty);

    private static string UnitText(FaultUnit unit) => unit switch
    {
        FaultUnit.Microseconds => " us",
        FaultUnit.Milliseconds => " ms",
        FaultUnit.Seconds => " s",
        FaultUnit.KilobytesPerSecond => " KB/s",
        _ => string.Empty,
    };

    private static string Show(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
