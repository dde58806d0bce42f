namespace BarHarness.Scenarios.Definition.Loading;

/// <summary><c>world.edge_data:</c> rates (0..1 per unit read) and toggles for awkward engine values.</summary>
internal static class EdgeDataSectionParser
{
    public static EdgeDataSpec Parse(YamlNode? node)
    {
        if (node is null)
        {
            return EdgeDataSpec.None;
        }

        var reader = new MappingReader(node, "world.edge_data");
        var spec = new EdgeDataSpec(
            reader.Read("nan_positions", 0.0, Rate),
            reader.Read("inf_positions", 0.0, Rate),
            reader.Read("negative_health", 0.0, Rate),
            reader.Read("huge_resources", false, YamlValues.Bool),
            reader.Read("beyond_map", 0.0, Rate),
            reader.Read("unicode_names", false, YamlValues.Bool),
            reader.Read("die_mid_frame", 0.0, Rate));
        reader.Finish();
        return spec;
    }

    private static double Rate(YamlNode node, string what) => YamlValues.Number(node, what, 0, 1);
}
