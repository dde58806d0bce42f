namespace BarHarness.Scenarios.Definition.Loading;

/// <summary>Turns the free-form <c>widget.config</c> YAML into a <see cref="ConfigValue"/> tree.</summary>
internal static class ConfigTreeReader
{
    public static ConfigMap ReadMap(YamlNode node, string what)
    {
        YamlValues.Mapping(node, what);
        return (ConfigMap)Read(node, what);
    }

    private static ConfigValue Read(YamlNode node, string what) =>
        node switch
        {
            YamlScalar s => Scalar(s),
            YamlSequence seq => new ConfigList(seq.Items.Select((item, i) => Read(item, $"{what}[{i + 1}]")).ToArray()),
            YamlMapping map => new ConfigMap(map.Entries.Select(e => Entry(e, what)).ToArray()),
            _ => throw new HarnessInputException(
                node.Location,
                $"{what} holds an unsupported YAML node",
                "strings, numbers, booleans, lists and mappings"),
        };

    private static KeyValuePair<string, ConfigValue> Entry(KeyValuePair<YamlScalar, YamlNode> entry, string what)
    {
        if (entry.Key.Value.Length == 0)
        {
            throw new HarnessInputException(
                entry.Key.Location,
                $"{what} has an empty key",
                "a key name (a Lua table key)");
        }

        return new(entry.Key.Value, Read(entry.Value, $"{what}.{entry.Key.Value}"));
    }

    private static ConfigValue Scalar(YamlScalar scalar)
    {
        if (!scalar.IsPlain)
        {
            return new ConfigString(scalar.Value);
        }

        if (scalar.IsNull)
        {
            return ConfigNull.Instance;
        }

        if (YamlScalarText.TryParseBool(scalar.Value, out var b))
        {
            return new ConfigBool(b);
        }

        // NaN/Inf cannot reach the widget as config in BAR (the engine asserts on pushing them); keep them strings.
        if (YamlScalarText.TryParseNumber(scalar.Value, out var number) && double.IsFinite(number))
        {
            return new ConfigNumber(number);
        }

        return new ConfigString(scalar.Value);
    }
}
