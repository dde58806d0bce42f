using System.Globalization;
using System.Reflection;
using BarHarness.Core.Diagnostics;

namespace BarHarness.TestServer.Faults;

/// <summary>
/// Every fault type marked with <see cref="FaultNameAttribute"/>, found by reflection: adding a fault
/// is adding one file. Builds faults from named parameters (snake_case as Toxiproxy spells them).
/// </summary>
public sealed class FaultCatalog
{
    public static readonly FaultCatalog Default = new(typeof(Fault).Assembly);

    private readonly Dictionary<string, Type> _types = new(StringComparer.OrdinalIgnoreCase);

    public FaultCatalog(params Assembly[] assemblies)
    {
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (!type.IsAbstract && typeof(Fault).IsAssignableFrom(type) && type.GetCustomAttribute<FaultNameAttribute>() is { } attribute)
            {
                _types[attribute.Name] = type;
            }
        }
    }

    public IReadOnlyCollection<string> Names => _types.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Parameter names of a fault, snake_case, with their defaults.</summary>
    public IReadOnlyList<(string Name, object? Default)> ParametersOf(string faultName) =>
        Constructor(Lookup(faultName, null)).GetParameters().Select(p => (SnakeCase(p.Name!), p.DefaultValue)).ToArray();

    /// <summary>
    /// Builds a fault. Parameter values may be numbers or strings (as a schedule file gives them);
    /// <c>toxicity</c> and <c>stream</c> are accepted for every fault.
    /// </summary>
    /// <param name="parameterLocation">Where each parameter was written (by its given name), so errors point at it.</param>
    public Fault Create(string faultName, IReadOnlyDictionary<string, object?> parameters, SourceLocation? location = null, Func<string, SourceLocation?>? parameterLocation = null)
    {
        SourceLocation? At(string given) => parameterLocation?.Invoke(given) ?? location;
        var givenNames = parameters.Keys.ToDictionary(Normalize, k => k, StringComparer.OrdinalIgnoreCase);

        var type = Lookup(faultName, location);
        var constructor = Constructor(type);
        var ctorParameters = constructor.GetParameters();
        var given = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in parameters)
        {
            given[Normalize(name)] = value;
        }

        var arguments = new object?[ctorParameters.Length];
        for (var i = 0; i < ctorParameters.Length; i++)
        {
            var p = ctorParameters[i];
            arguments[i] = given.Remove(Normalize(p.Name!), out var raw)
                ? Convert(raw, p.ParameterType, faultName, SnakeCase(p.Name!), At(givenNames[Normalize(p.Name!)]))
                : p.HasDefaultValue ? p.DefaultValue : throw new HarnessInputException(location, $"fault '{faultName}' needs '{SnakeCase(p.Name!)}'");
        }

        var fault = (Fault)constructor.Invoke(arguments);
        if (given.Remove("toxicity", out var toxicityRaw))
        {
            var toxicity = (double)Convert(toxicityRaw, typeof(double), faultName, "toxicity", At(givenNames["toxicity"]))!;
            if (toxicity is < 0 or > 1)
            {
                throw new HarnessInputException(At(givenNames["toxicity"]), $"toxicity {toxicity} of fault '{faultName}'", "a number from 0 to 1");
            }

            fault = fault with { Toxicity = toxicity };
        }

        if (given.Remove("stream", out var streamRaw))
        {
            fault = fault with { Stream = ParseStream(streamRaw, At(givenNames["stream"])) };
        }

        if (given.Count > 0)
        {
            var allowed = string.Join(", ", ctorParameters.Select(p => SnakeCase(p.Name!)).Append("toxicity").Append("stream"));
            var unknown = givenNames[given.Keys.First()];
            throw new HarnessInputException(At(unknown), $"fault '{faultName}' has no parameter '{unknown}'", allowed);
        }

        return fault;
    }

    private Type Lookup(string faultName, SourceLocation? location) =>
        _types.TryGetValue(faultName, out var type)
            ? type
            : throw new HarnessInputException(location, $"unknown fault '{faultName}'", "one of " + string.Join(", ", Names));

    private static ConstructorInfo Constructor(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();

    private static FaultStream ParseStream(object? raw, SourceLocation? location) =>
        raw?.ToString()?.ToLowerInvariant() switch
        {
            "upstream" => FaultStream.Upstream,
            "downstream" => FaultStream.Downstream,
            _ => throw new HarnessInputException(location, $"stream '{raw}'", "upstream or downstream"),
        };

    private static object? Convert(object? raw, Type target, string fault, string parameter, SourceLocation? location)
    {
        try
        {
            var text = raw is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : raw?.ToString();
            if (text is null)
            {
                throw new FormatException();
            }

            if (target == typeof(double))
            {
                var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                return double.IsFinite(value) && value >= 0 ? value : throw new FormatException();
            }

            if (target == typeof(int))
            {
                return int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) is var i and >= 0 ? i : throw new FormatException();
            }

            if (target == typeof(long))
            {
                return long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) is var l and >= 0 ? l : throw new FormatException();
            }

            return System.Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidCastException)
        {
            var expected = target == typeof(double) ? "a non-negative number" : "a non-negative whole number";
            throw new HarnessInputException(location, $"'{parameter}' of fault '{fault}' is '{raw}'", expected);
        }
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
