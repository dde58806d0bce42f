namespace BarHarness.Scenarios.Definition;

/// <summary>The synthetic game world the widget sees.</summary>
/// <param name="Map">Map size in elmos (<c>Game.mapSizeX/Z</c>).</param>
/// <param name="AllyTeams">Ally teams with their team ids; team ids are 0..N-1, as the engine numbers them.</param>
/// <param name="Gaia">Whether a Gaia team exists (id N, in its own ally team, listed by <c>GetTeamList</c>).</param>
/// <param name="LocalPlayer">Who the widget runs as.</param>
/// <param name="UnitDefCount">How many unit defs <c>UnitDefs</c> holds.</param>
/// <param name="Replay">Replay mode (<c>Spring.IsReplay()</c> true); requires a spectator.</param>
/// <param name="EdgeData">Rates at which the engine hands out awkward values.</param>
public sealed record WorldSpec(
    MapSize Map,
    IReadOnlyList<AllyTeamSpec> AllyTeams,
    bool Gaia,
    LocalPlayerSpec LocalPlayer,
    int UnitDefCount,
    bool Replay,
    EdgeDataSpec EdgeData)
{
    public int TeamCount => AllyTeams.Sum(a => a.TeamIds.Count);

    /// <summary>The Gaia team id when <see cref="Gaia"/> is on (the engine puts it after the players' teams).</summary>
    public int? GaiaTeamId => Gaia ? TeamCount : null;

    public int AllyTeamOf(int teamId) => AllyTeams.First(a => a.TeamIds.Contains(teamId)).Id;

}

/// <summary>Map size in elmos; a map square is 8 elmos, as <c>Game.mapSizeX = squares * 8</c>.</summary>
public sealed record MapSize(int WidthElmos, int HeightElmos)
{
    public const int ElmosPerSquare = 8;

    public int WidthSquares => WidthElmos / ElmosPerSquare;

    public int HeightSquares => HeightElmos / ElmosPerSquare;
}

/// <summary>An ally team and the team ids in it.</summary>
public sealed record AllyTeamSpec(int Id, IReadOnlyList<int> TeamIds);

/// <summary>The player the widget runs for.</summary>
/// <param name="Name">Player name (may carry Unicode; the widget must escape it).</param>
/// <param name="Team">Team id; a spectator still has one in Recoil.</param>
/// <param name="Spectator">Spectating: sees allied data of every team only with full view.</param>
/// <param name="FullView">Spectator full view: every unit is visible (<c>GetSpectatingState</c>).</param>
public sealed record LocalPlayerSpec(string Name, int Team, bool Spectator, bool FullView);

/// <summary>
/// Edge cases the synthetic engine injects, as the engine can produce them. Rates are probabilities
/// per unit read (0..1), drawn from the scenario's seeded stream.
/// </summary>
/// <param name="NanPositionRate">A position read returns NaN coordinates.</param>
/// <param name="InfPositionRate">A position read returns ±Inf coordinates.</param>
/// <param name="NegativeHealthRate">A health read returns a negative health.</param>
/// <param name="HugeResources">Team resources near float32's maximum.</param>
/// <param name="BeyondMapRate">A position read lies outside the map.</param>
/// <param name="UnicodeNames">Player names and unit def names carry non-ASCII, quotes and control characters.</param>
/// <param name="DieMidFrameRate">A unit listed by <c>GetAllUnits</c> dies before the widget's next per-unit call (which
/// then returns nil).</param>
public sealed record EdgeDataSpec(
    double NanPositionRate,
    double InfPositionRate,
    double NegativeHealthRate,
    bool HugeResources,
    double BeyondMapRate,
    bool UnicodeNames,
    double DieMidFrameRate)
{
    public static EdgeDataSpec None { get; } = new(0, 0, 0, false, 0, false, 0);

    public bool Any => this != None;
}
