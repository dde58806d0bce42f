namespace BarHarness.World;

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

    /// <summary>Can cloak (BAR's spies and commanders): CMD.CLOAK then raises UnitCloaked/UnitDecloaked.</summary>
    public bool CanCloak => CustomParams.ContainsKey("isspy") || CustomParams.ContainsKey("iscommander");

    /// <summary>Build power (BAR's workertime); 0 for units that cannot build.</summary>
    public float BuildSpeed { get; init; }

    public bool CanAssist { get; init; }

    /// <summary>Has a manual-fire weapon (a commander's D-gun).</summary>
    public bool CanManualFire { get; init; }

    public int WeaponCount { get; init; }

    /// <summary>Has a stockpile weapon (missiles built ahead, StockpileChanged).</summary>
    public bool CanStockpile { get; init; }

    /// <summary>Unit def ids this type can build (its build menu).</summary>
    public IReadOnlyList<int> BuildOptions { get; init; } = [];

    /// <summary>Seconds from a self-destruct order to the explosion (Recoil's default 5).</summary>
    public int SelfDestructCountdown { get; init; } = 5;

    /// <summary>Elmos a unit of this type covers in one sim frame (30 frames a second).</summary>
    public float SpeedPerFrame => Speed / 30f;
}
