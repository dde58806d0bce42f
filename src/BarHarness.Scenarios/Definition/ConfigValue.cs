namespace BarHarness.Scenarios.Definition;

/// <summary>
/// A free-form value for the widget's config, as a tree that maps onto a Lua table:
/// strings, numbers, booleans, null, lists (1-based arrays in Lua) and maps (string keys).
/// Quoted YAML scalars stay strings; plain ones become numbers/booleans/null when they read as such.
/// </summary>
public abstract record ConfigValue;

public sealed record ConfigString(string Value) : ConfigValue;

public sealed record ConfigNumber(double Value) : ConfigValue;

public sealed record ConfigBool(bool Value) : ConfigValue;

/// <summary>YAML null (<c>~</c>, <c>null</c>, empty); a Lua nil, so the key is absent from the table.</summary>
public sealed record ConfigNull : ConfigValue
{
    public static ConfigNull Instance { get; } = new();
}

public sealed record ConfigList(IReadOnlyList<ConfigValue> Items) : ConfigValue;

/// <summary>A mapping with string keys, in file order.</summary>
public sealed record ConfigMap(IReadOnlyList<KeyValuePair<string, ConfigValue>> Entries) : ConfigValue
{
    public ConfigValue? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;
}
