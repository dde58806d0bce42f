using System.Collections.Concurrent;
using System.Reflection;

namespace BarHarness.TestServer.Faults;

/// <summary>
/// Every fault type with a <c>public static FaultSchema Schema</c>, found by reflection: adding a
/// fault is adding one file. Scenario files, fault files, serve's keys and the Toxiproxy API all
/// build faults here.
/// </summary>
public sealed class FaultCatalog
{
    // Declared before Default: static fields initialise in order, and Default's constructor reads this.
    private static readonly ConcurrentDictionary<Type, FaultSchema> SchemaByType = new();

    public static readonly FaultCatalog Default = new(typeof(Fault).Assembly);
    private readonly Dictionary<string, FaultSchema> _schemas = new(StringComparer.OrdinalIgnoreCase);

    public FaultCatalog(params Assembly[] assemblies)
    {
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (!type.IsAbstract && typeof(Fault).IsAssignableFrom(type))
            {
                var schema = SchemaOf(type);
                _schemas[schema.Name] = schema;
            }
        }
    }

    /// <summary>Fault names, sorted.</summary>
    public IReadOnlyList<string> Names => _schemas.Keys.Order(StringComparer.Ordinal).ToArray();

    public IReadOnlyCollection<FaultSchema> Schemas => _schemas.Values;

    /// <summary>The schema a fault type declares in its own file.</summary>
    public static FaultSchema SchemaOf(Type faultType) => SchemaByType.GetOrAdd(faultType, type =>
        type.GetProperty("Schema", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as FaultSchema
        ?? throw new InvalidOperationException($"fault type {type.Name} declares no public static FaultSchema Schema"));

    public bool TryGet(string faultName, out FaultSchema schema) => _schemas.TryGetValue(faultName, out schema!);

    public FaultSchema Get(string faultName, SourceLocation? location = null) =>
        TryGet(faultName, out var schema)
            ? schema
            : throw new HarnessInputException(
                location, $"unknown fault '{faultName}'", "one of " + string.Join(", ", Names));

    /// <summary>
    /// Builds a fault from parameters by their own names and units (Toxiproxy's attribute names);
    /// values may be numbers or numeric strings. <c>toxicity</c> (0..1) and <c>stream</c>
    /// (upstream/downstream) are accepted for every fault.
    /// </summary>
    /// <param name="parameterLocation">Where each parameter was written (by given name): errors point there.</param>
    public Fault Create(
        string faultName,
        IReadOnlyDictionary<string, object?> parameters,
        SourceLocation? location = null,
        Func<string, SourceLocation?>? parameterLocation = null)
    {
        SourceLocation? At(string given) => parameterLocation?.Invoke(given) ?? location;
        var schema = Get(faultName, location);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        double? toxicity = null;
        FaultStream? stream = null;
        foreach (var (given, raw) in parameters)
        {
            if (string.Equals(given, "toxicity", StringComparison.OrdinalIgnoreCase))
            {
                var value = Number(raw, faultName, given, At(given));
                toxicity = value is >= 0 and <= 1
                    ? value
                    : throw new HarnessInputException(
                        At(given), $"toxicity {value} of fault '{faultName}'", "a number from 0 to 1");
            }
            else if (string.Equals(given, "stream", StringComparison.OrdinalIgnoreCase))
            {
                stream = ParseStream(raw, At(given));
            }
            else if (schema.Parameter(given) is { } parameter)
            {
                values[parameter.Name] = Number(raw, faultName, given, At(given));
            }
            else
            {
                var allowed = string.Join(
                    ", ", schema.Parameters.Select(p => p.Name).Append("toxicity").Append("stream"));
                throw new HarnessInputException(At(given), $"fault '{faultName}' has no parameter '{given}'", allowed);
            }
        }

        var fault = schema.Create(values, location);
        if (toxicity is { } t)
        {
            fault = fault with { Toxicity = t };
        }

        return stream is { } s ? fault with { Stream = s } : fault;
    }

    public static FaultStream ParseStream(object? raw, SourceLocation? location) =>
        raw?.ToString()?.ToLowerInvariant() switch
        {
            "upstream" => FaultStream.Upstream,
            "downstream" => FaultStream.Downstream,
            _ => throw new HarnessInputException(location, $"stream '{raw}'", "upstream or downstream"),
        };

    private static double Number(object? raw, string fault, string parameter, SourceLocation? location)
    {
        var text = raw is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : raw?.ToString();
        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        return parsed && double.IsFinite(value)
            ? value
            : throw new HarnessInputException(location, $"'{parameter}' of fault '{fault}' is '{text}'", "a number");
    }
}
