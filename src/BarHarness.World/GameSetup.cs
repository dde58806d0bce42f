namespace BarHarness.World;

/// <summary>Who the widget plays as: a team member, or a spectator with or without full view.</summary>
public sealed record LocalPlayerSetup(bool IsSpectator = false, bool FullView = false, int TeamId = 0)
{
    public static LocalPlayerSetup Player(int teamId = 0) => new(false, false, teamId);

    public static LocalPlayerSetup Spectator(bool fullView = true) => new(true, fullView, 0);
}

/// <summary>
/// Everything that shapes a synthetic game before its first frame. Map size is in map squares
/// (Recoil's heightmap squares; one square is 8 elmos), as map authors and Recoil count it.
/// </summary>
public sealed record GameSetup
{
    public ulong Seed { get; init; } = 1;

    public int MapSquaresX { get; init; } = 1024;

    public int MapSquaresZ { get; init; } = 1024;

    public int AllyTeamCount { get; init; } = 2;

    public int TeamsPerAllyTeam { get; init; } = 2;

    public int SpectatorCount { get; init; } = 1;

    public LocalPlayerSetup LocalPlayer { get; init; } = LocalPlayerSetup.Player();

    public int UnitDefCount { get; init; } = 60;

    /// <summary>Recoil's default unit limit (ids run 1..MaxUnits here).</summary>
    public int MaxUnits { get; init; } = 32000;

    /// <summary>Units spawned at game start, split evenly over the playing teams (not Gaia).</summary>
    public int InitialUnits { get; init; } = 0;

    /// <summary>Frames between two LOS refreshes of one ally team (ally teams are staggered).</summary>
    public int LosUpdateInterval { get; init; } = 8;

    /// <summary>Frames a freed unit id waits before it can be handed out again.</summary>
    public int UnitIdRecycleDelayFrames { get; init; } = 60;

    /// <summary>Chance per unit per frame of taking a hit (drives health changes and deaths).</summary>
    public double CombatIntensity { get; init; } = 0.0005;

    public bool IsReplay { get; init; }

    /// <summary>Map features (trees, rocks, vents) placed at start, owned by Gaia.</summary>
    public int MapFeatureCount { get; init; } = 40;

    /// <summary>Which features a LuaUI may read (BAR's modrules: all of them).</summary>
    public Features.FeatureVisibility FeatureVisibility { get; init; } = Features.FeatureVisibility.All;

    public int MapSizeX => MapSquaresX * 8;

    public int MapSizeZ => MapSquaresZ * 8;

    public void Validate()
    {
        Require(MapSquaresX is >= 64 and <= 8192, nameof(MapSquaresX), "64..8192 squares");
        Require(MapSquaresZ is >= 64 and <= 8192, nameof(MapSquaresZ), "64..8192 squares");
        Require(AllyTeamCount is >= 1 and <= 31, nameof(AllyTeamCount), "1..31 (one more is added for Gaia)");
        Require(TeamsPerAllyTeam is >= 1 and <= 16, nameof(TeamsPerAllyTeam), "1..16");
        Require(SpectatorCount >= 0, nameof(SpectatorCount), ">= 0");
        Require(UnitDefCount >= 4, nameof(UnitDefCount), ">= 4");
        Require(MaxUnits is >= 16 and <= 32000, nameof(MaxUnits), "16..32000");
        Require(InitialUnits >= 0 && InitialUnits <= MaxUnits, nameof(InitialUnits), "0..MaxUnits");
        Require(MapFeatureCount is >= 0 and <= 10000, nameof(MapFeatureCount), "0..10000");
        Require(LosUpdateInterval >= 1, nameof(LosUpdateInterval), ">= 1");
        Require(LocalPlayer.IsSpectator || (LocalPlayer.TeamId >= 0
            && LocalPlayer.TeamId < AllyTeamCount * TeamsPerAllyTeam),
            nameof(LocalPlayer), "a playing team id");
    }

    private static void Require(bool ok, string name, string expected)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} must be {expected}");
        }
    }
}
