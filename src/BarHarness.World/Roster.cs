namespace BarHarness.World;

public readonly record struct TeamColor(float R, float G, float B, float A);

public sealed record TeamInfo(
    int TeamId,
    int AllyTeamId,
    int LeaderPlayerId,
    bool IsGaia,
    bool HasAI,
    string Side,
    float IncomeMultiplier,
    TeamColor Color)
{
    public bool IsDead { get; set; }
}

public sealed record PlayerInfo(
    int PlayerId,
    string Name,
    bool IsSpectator,
    int TeamId,
    int AllyTeamId,
    float PingSeconds,
    float CpuUsage,
    string Country,
    int Rank)
{
    public bool Active { get; set; } = true;
}

/// <summary>
/// Ally teams, teams and players of a game. Gaia is the last team id and sits in its own (last)
/// ally team, as in Recoil; each playing team has one human leader; spectators come after them.
/// </summary>
public sealed class Roster
{
    private static readonly string[] Sides = ["armada", "cortex", "legion"];
    private static readonly string[] Countries = ["DE", "US", "FR", "PL", "RU", "BR", "SE", "GB", "NL", "FI"];

    private Roster(IReadOnlyList<TeamInfo> teams, IReadOnlyList<PlayerInfo> players, int allyTeamCount,
        int localPlayerId)
    {
        Teams = teams;
        Players = players;
        AllyTeamCount = allyTeamCount;
        LocalPlayerId = localPlayerId;
    }

    public IReadOnlyList<TeamInfo> Teams { get; }

    public IReadOnlyList<PlayerInfo> Players { get; }

    /// <summary>Including Gaia's ally team.</summary>
    public int AllyTeamCount { get; }

    public int GaiaTeamId => Teams.Count - 1;

    public int GaiaAllyTeamId => AllyTeamCount - 1;

    public int PlayingTeamCount => Teams.Count - 1;

    public int LocalPlayerId { get; }

    public PlayerInfo LocalPlayer => Players[LocalPlayerId];

    public bool IsValidTeam(int teamId) => (uint)teamId < (uint)Teams.Count;

    public bool IsValidPlayer(int playerId) => (uint)playerId < (uint)Players.Count;

    public int AllyTeamOf(int teamId) => Teams[teamId].AllyTeamId;

    public static Roster Create(GameSetup setup, SeededRandom random, bool unicodeNames = false)
    {
        var teams = new List<TeamInfo>();
        var players = new List<PlayerInfo>();
        var names = new PlayerNameSource(random, unicodeNames);
        var teamId = 0;
        for (var ally = 0; ally < setup.AllyTeamCount; ally++)
        {
            for (var i = 0; i < setup.TeamsPerAllyTeam; i++, teamId++)
            {
                var color = new TeamColor((float)random.NextDouble(), (float)random.NextDouble(),
                    (float)random.NextDouble(), 1f);
                var side = Sides[random.Next(0, Sides.Length)];
                teams.Add(new TeamInfo(teamId, ally, teamId, false, false, side, 1f, color));
                players.Add(new PlayerInfo(teamId, names.Next(), false, teamId, ally,
                    (float)random.NextDouble(0.02, 0.25), (float)random.NextDouble(0.05, 0.6),
                    Countries[random.Next(0, Countries.Length)], random.Next(0, 8)));
            }
        }

        var gaiaAlly = setup.AllyTeamCount;
        var grey = new TeamColor(0.8f, 0.8f, 0.8f, 1f);
        teams.Add(new TeamInfo(teamId, gaiaAlly, -1, true, false, string.Empty, 1f, grey));

        var spectators = setup.SpectatorCount;
        if (setup.LocalPlayer.IsSpectator && spectators == 0)
        {
            spectators = 1;
        }

        var firstSpectator = players.Count;
        for (var s = 0; s < spectators; s++)
        {
            // Recoil places spectators on team 0's view by default.
            players.Add(new PlayerInfo(players.Count, names.Next(), true, 0, 0,
                (float)random.NextDouble(0.02, 0.25), (float)random.NextDouble(0.05, 0.6),
                Countries[random.Next(0, Countries.Length)], random.Next(0, 8)));
        }

        var local = setup.LocalPlayer.IsSpectator ? firstSpectator : setup.LocalPlayer.TeamId;
        return new Roster(teams, players, gaiaAlly + 1, local);
    }

    /// <summary>Renames every player with Unicode-heavy names (edge data for encoders).</summary>
    public Roster WithUnicodeNames(SeededRandom random)
    {
        var names = new PlayerNameSource(random, unicode: true);
        var renamed = Players.Select(p => p with { Name = names.Next() }).ToList();
        return new Roster(Teams, renamed, AllyTeamCount, LocalPlayerId);
    }

    private sealed class PlayerNameSource(SeededRandom random, bool unicode)
    {
        private static readonly string[] Plain = ["Zeta", "Kroz", "Mira", "Tobi", "Nyx", "Odin", "Lumen", "Vex",
            "Rook", "Ada", "Brick", "Quill"];
        private static readonly string[] Fancy = ["Ünïcødé", "玩家", "Игрок", "🚀Rocket", "\"quote\"",
            "back\\slash", "tab\tname", "ñandú", "ＦｕｌｌＷｉｄｔｈ", "zero\u200Bwidth"];
        private int _count;

        public string Next()
        {
            var pool = unicode ? Fancy : Plain;
            return $"{pool[random.Next(0, pool.Length)]}{_count++}";
        }
    }
}
