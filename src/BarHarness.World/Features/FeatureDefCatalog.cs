namespace BarHarness.World.Features;

/// <summary>
/// Feature types: a few map features (trees give energy, rocks metal, a geothermal vent nothing and
/// cannot be reclaimed), then a wreck ("name_dead") and a heap ("name_heap") for each BAR unit the
/// harness knows, named as BAR names them. Wrecks hold 60% of the unit's metal and heaps 25%;
/// representative values, not BAR's files. Ids run 1..Count.
/// </summary>
public sealed class FeatureDefCatalog
{
    private readonly Dictionary<string, FeatureDef> _byName;

    private FeatureDefCatalog(IReadOnlyList<FeatureDef> all)
    {
        All = all;
        _byName = all.ToDictionary(d => d.Name, StringComparer.Ordinal);
        MapFeatureCount = all.Count(d => d.ResurrectUnit.Length == 0 && !d.Name.EndsWith("_heap",
            StringComparison.Ordinal));
    }

    public IReadOnlyList<FeatureDef> All { get; }

    /// <summary>Types placed on the map at start (ids 1..MapFeatureCount); wrecks and heaps follow.</summary>
    public int MapFeatureCount { get; }

    public FeatureDef this[int id] => All[id - 1];

    public bool IsValid(int id) => id >= 1 && id <= All.Count;

    public FeatureDef? ByName(string name) => _byName.GetValueOrDefault(name);

    public static FeatureDefCatalog Create(UnitDefCatalog units)
    {
        var list = new List<FeatureDef>
        {
            MapFeature(1, "geovent", "Geothermal Vent", 0, 0, reclaimable: false, blocking: false, geo: true),
            MapFeature(2, "ad0_pine_1", "Pine Tree", 0, 250, reclaimable: true, blocking: true),
            MapFeature(3, "ad0_fir_2", "Fir Tree", 0, 180, reclaimable: true, blocking: true),
            MapFeature(4, "rocks_small", "Rocks", 25, 0, reclaimable: true, blocking: true),
            MapFeature(5, "rocks_large", "Large Rocks", 80, 0, reclaimable: true, blocking: true),
        };
        foreach (var unit in units.All.Skip(units.GeneratedCount))
        {
            list.Add(new FeatureDef(list.Count + 1, unit.Name + "_dead", unit.HumanName + " Wreckage",
                MathF.Round(unit.MetalCost * 0.6f), 0, unit.Health * 0.4f, unit.Radius, unit.Height * 0.5f,
                MathF.Round(unit.MetalCost * 0.6f), true, true, false)
            {
                ResurrectUnit = unit.Name,
                ModelName = "objects3d/" + unit.Name + "_dead.s3o",
            });
            list.Add(new FeatureDef(list.Count + 1, unit.Name + "_heap", unit.HumanName + " Heap",
                MathF.Round(unit.MetalCost * 0.25f), 0, unit.Health * 0.2f, unit.Radius * 0.8f, 8,
                MathF.Round(unit.MetalCost * 0.25f), true, false, false)
            {
                ModelName = "objects3d/debris_heap.s3o",
            });
        }

        return new FeatureDefCatalog(list);
    }

    private static FeatureDef MapFeature(int id, string name, string tooltip, float metal, float energy,
        bool reclaimable, bool blocking, bool geo = false) =>
        new(id, name, tooltip, metal, energy, geo ? 0 : 200, geo ? 0 : 24, geo ? 0 : 40, metal + energy,
            reclaimable, blocking, geo)
        {
            ModelName = geo ? string.Empty : "objects3d/" + name + ".s3o",
        };
}
