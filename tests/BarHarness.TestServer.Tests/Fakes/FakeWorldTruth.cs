namespace BarHarness.TestServer.Tests.Fakes;

/// <summary>A world whose units do not move: the same truth at every frame, unless a test changes it.</summary>
internal sealed class FakeWorldTruth : ITruthSource
{
    public Dictionary<int, UnitTruth> Units { get; } = [];

    public bool FullView { get; set; }

    public int HistoryStartFrame { get; set; }

    public bool Knows(int frame) => frame >= HistoryStartFrame && (Latest is not { } now || frame <= now);

    /// <summary>The game's present frame, when a test wants stamps judged (SCHEMA §3.3).</summary>
    public int? Latest { get; set; }

    public HashSet<int> EnemyTeams { get; } = [];

    public int? LatestFrame => Latest;

    public bool? IsEnemyTeam(int teamId, int frame) => EnemyTeams.Contains(teamId);

    public bool IsFullView(int frame) => FullView;

    /// <summary>Units whose state depends on the frame (they move); they win over <see cref="Units"/>.</summary>
    public Dictionary<int, Func<int, UnitTruth>> Moving { get; } = [];

    public UnitTruth? Unit(int unitId, int frame) =>
        Moving.TryGetValue(unitId, out var at) ? at(frame) : Units.GetValueOrDefault(unitId);

    public IEnumerable<int> UnitsVisibleToLocalPlayer(int frame) =>
        Units.Keys.Union(Moving.Keys).Select(id => Unit(id, frame)!).Where(u => FullView
            || u.Visibility != UnitVisibility.Hidden).Select(u => u.UnitId).Order();

    public FakeWorldTruth With(
        int id,
        int team,
        bool enemy,
        UnitVisibility visibility,
        double x = 100,
        double y = 10,
        double z = 200,
        double health = 500)
    {
        Units[id] = new UnitTruth(id, team, enemy, visibility, x, y, z, health);
        return this;
    }
}
