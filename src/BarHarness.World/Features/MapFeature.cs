namespace BarHarness.World.Features;

/// <summary>One feature on the map: its type, place and what is left of it.</summary>
public sealed class MapFeature(int id, FeatureDef def, int teamId, int allyTeamId)
{
    public int Id { get; } = id;

    public FeatureDef Def { get; } = def;

    /// <summary>Gaia's team for map features, the dead unit's team for wrecks.</summary>
    public int TeamId { get; } = teamId;

    public int AllyTeamId { get; } = allyTeamId;

    public float X { get; init; }

    public float Y { get; init; }

    public float Z { get; init; }

    /// <summary>Recoil heading units (65536 to a turn).</summary>
    public short Heading { get; init; }

    /// <summary>Build facing of a wreck's unit (0..3), kept for resurrection.</summary>
    public int BuildFacing { get; init; }

    public float Health { get; set; }

    public float Metal { get; set; }

    public float Energy { get; set; }

    /// <summary>Share of the feature not reclaimed yet (1 = whole).</summary>
    public float ReclaimLeft { get; set; } = 1f;
}
