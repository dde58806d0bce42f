namespace BarHarness.Scenarios.Running;

/// <summary>A scenario's widget config as plain values the Lua host hands to SetConfigData.</summary>
internal static class ConfigConversion
{
    public static object? ToPlain(ConfigValue value) => value switch
    {
        ConfigString s => s.Value,
        ConfigNumber n => n.Value,
        ConfigBool b => b.Value,
        ConfigList l => l.Items.Select(ToPlain).ToList(),
        ConfigMap m => m.Entries.ToDictionary(e => (object)e.Key, e => ToPlain(e.Value)),
        _ => null,
    };
}
