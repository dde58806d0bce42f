namespace BarHarness.Engine.SpringApi;

/// <summary>The fields of each feature def as Lua sees them (the glue wraps them in read-only proxies).</summary>
internal static class FeatureDefTables
{
    public static List<Dictionary<string, object?>> Describe(FeatureDefCatalog defs) =>
        defs.All.Select(d => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = d.Id,
            ["name"] = d.Name,
            ["tooltip"] = d.Tooltip,
            ["translatedTooltip"] = d.Tooltip,
            ["metal"] = d.Metal,
            ["energy"] = d.Energy,
            ["maxHealth"] = d.Health,
            ["reclaimTime"] = d.ReclaimTime,
            ["mass"] = d.Mass,
            ["radius"] = d.Radius,
            ["height"] = d.Height,
            ["reclaimable"] = d.Reclaimable,
            ["blocking"] = d.Blocking,
            ["destructable"] = !d.Geothermal,
            ["geoThermal"] = d.Geothermal,
            ["autoreclaim"] = d.Reclaimable,
            ["modelname"] = d.ModelName,
            ["resurrectable"] = d.ResurrectUnit.Length > 0 ? 1 : 0,
            ["customParams"] = new Dictionary<string, object?>(StringComparer.Ordinal),
        }).ToList();
}
