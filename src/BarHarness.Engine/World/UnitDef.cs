namespace BarHarness.Engine.World;

/// <summary>
/// One unit type, with the fields widgets read from <c>UnitDefs[id]</c>. Speeds are elmos per
/// second as in def files; radii in elmos.
/// </summary>
public sealed record UnitDef(
    int Id,
    string Name,
    string HumanName,
    string Tooltip,
    float Health,
    float MetalCost,
    float EnergyCost,
    float BuildTime,
    float Speed,
    bool IsBuilding,
    bool IsFactory,
    bool IsBuilder,
    bool CanFly,
    float LosRadius,
    float RadarRadius,
    float Height,
    float Radius,
    IReadOnlyDictionary<string, string> CustomParams)
{
    public bool IsMobile => Speed > 0;

    /// <summary>Seconds from a self-destruct order to the explosion (Recoil's default 5).</summary>
    public int SelfDestructCountdown { get; init; } = 5;

    /// <summary>Elmos a unit of this type covers in one sim frame (30 frames a second).</summary>
    public float SpeedPerFrame => Speed / 30f;
}
