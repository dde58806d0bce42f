namespace BarHarness.World.Features;

/// <summary>
/// One feature type as widgets read it from <c>FeatureDefs[id]</c>: a map feature (tree, rock,
/// geothermal vent) or a unit's wreck or heap. Resources are what reclaiming the whole feature yields.
/// </summary>
public sealed record FeatureDef(
    int Id,
    string Name,
    string Tooltip,
    float Metal,
    float Energy,
    float Health,
    float Radius,
    float Height,
    float ReclaimTime,
    bool Reclaimable,
    bool Blocking,
    bool Geothermal)
{
    /// <summary>The unit a wreck resurrects into ("" for map features and heaps).</summary>
    public string ResurrectUnit { get; init; } = string.Empty;

    /// <summary>The model file, as <c>FeatureDefs[id].modelname</c> names it ("" for vents: no model).</summary>
    public string ModelName { get; init; } = string.Empty;

    public float Mass => Math.Max(1f, Metal);
}
