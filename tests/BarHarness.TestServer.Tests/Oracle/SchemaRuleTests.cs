using System.Text;
using System.Text.RegularExpressions;

namespace BarHarness.TestServer.Tests.Oracle;

/// <summary>
/// One stream per numbered rule of widget/SCHEMA.md that breaks exactly that rule, and the oracle names it.
/// The rules the document numbers and the rules the oracle knows are the same set.
/// </summary>
public class SchemaRuleTests
{
    /// <summary>Rules that only permit (MAY): nothing on the wire can break them.</summary>
    private static readonly string[] PermissionsOnly = ["§2.1"];

    private static string Open => Hello(0);

    private static string Snap(long seq, int frame, params Unit[] units) => Snapshot(seq, frame, units);

    public static TheoryData<string> Rules() => new(SchemaRules.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_rule_has_a_stream_that_breaks_it_and_the_violation_names_the_rule(string rule)
    {
        var violations = Break(rule);

        Assert.True(violations.Any(v => v.RuleId == rule), $"{rule}: got [{string.Join("; ", violations)}]");
        Assert.All(violations.Where(v => v.RuleId == rule), v => Assert.StartsWith($"SCHEMA {rule}: ", v.ToString()));
    }

    [Fact]
    public void An_old_stamp_on_a_snapshot_contradicts_its_game_frame()
    {
        var violations = Break("§6.3 game.frame");

        Assert.Contains(
            violations,
            v => v.RuleId == "§6.3" && v.Detail.Contains("game.frame 1 differs", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rules_numbered_in_SCHEMA_md_are_the_rules_the_oracle_checks()
    {
        var doc = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot(), "widget", "SCHEMA.md"));
        var documented = Regex.Matches(doc,
            @"\*\*(§\d+\.\d+)\*\*").Select(m => m.Groups[1].Value).Distinct().Order().ToArray();

        Assert.Equal(documented.Except(PermissionsOnly).Order(), SchemaRules.All.Select(r => r.Id).Order());
    }

    [Fact]
    public void Every_violation_kind_counts_against_exactly_one_scenario_expectation()
    {
        var judged = OracleVerdicts.Kinds.SelectMany(p =>
            p.Value.Select(kind => (Kind: kind, Verdict: p.Key))).ToList();

        Assert.All(Enum.GetValues<ViolationKind>(), kind =>
            Assert.True(judged.Count(j => j.Kind == kind) == 1,
                $"{kind}: [{string.Join(", ", judged.Where(j => j.Kind == kind).Select(j => j.Verdict))}]"));
    }

    [Fact]
    public void Every_violation_kind_has_a_rule()
    {
        Assert.All(Enum.GetValues<ViolationKind>(), kind => Assert.Contains(SchemaRules.Of(kind), SchemaRules.All));
    }

    [Fact]
    public void A_complete_conforming_stream_breaks_no_rule()
    {
        var truth = World();
        var h = new OracleHarness(truth).Connection(
            1,
            Open,
            Snap(1, 10, new Unit(1, 0, 100, 10, 200, Hp: 500)),
            Delta(2, 11, new Unit(1, 0, 100, 10, 200, Hp: 500)),
            Heartbeat(3, 40),
            Envelope(4, 41, "status", null));

        Assert.True(h.Oracle.Violations.Count == 0, string.Join("\n", h.Oracle.Violations));
    }

    private static FakeWorldTruth World()
    {
        var truth = new FakeWorldTruth { Latest = 300 }.With(1, 0, enemy: false, UnitVisibility.Full, health: 500);
        return truth;
    }

    private static IReadOnlyList<StreamViolation> Break(string rule)
    {
        var truth = World();
        OracleHarness Stream(params string[] lines) => new OracleHarness(truth).Connection(1, lines);
        IReadOnlyList<StreamViolation> Of(OracleHarness h) => h.Oracle.Violations;
        IReadOnlyList<StreamViolation> AfterSnapshot(params string[] rest) => Of(Stream([Open, Snap(1, 10), .. rest]));
        var own = new Unit(1, 0, 100, 10, 200, Hp: 500);
        switch (rule)
        {
            case "§1.2":
                return Of(Stream(Open, "{\"schema_version\":1,"));
            case "§1.3":
                {
                    var oracle = new StreamOracle();
                    var events = new List<FrameEvent>();
                    new NewlineFrameDecoder(new FrameLimits(32)).Feed(
                        Encoding.ASCII.GetBytes("{\"pad\":\"" + new string('p', 100) + "\"}\n"),
                        events);
                    events.ForEach(e => oracle.Observe(1, e, 0));
                    return oracle.Violations;
                }

            case "§1.4":
                {
                    var oracle = new StreamOracle();
                    oracle.Observe(1, new FrameRejected(0, FrameFault.Truncated, 12, "cut"), 5);
                    return oracle.Violations;
                }

            case "§1.5":
                {
                    var oracle = new StreamOracle();
                    oracle.CheckAccounting(new AccountingInput(1000, 0, 0), 900, 1);
                    return oracle.Violations;
                }

            case "§2.2":
                return Of(Stream(Open, Swap(Snap(1, 10), "\"seq\":1", "\"seq\":1.5")));
            case "§2.3":
                return AfterSnapshot(Swap(Delta(2, 11), "\"teams\":[]", "\"teams\":[],\"game\":null"));
            case "§3.1":
                return Of(Stream(
                    Open,
                    Swap(Snap(1, 10), "\"schema_version\":1,", string.Empty)));
            case "§3.2":
                return AfterSnapshot(Heartbeat(2, 9));
            case "§3.3":
                // a stamp ahead of the game
                return Of(Stream(Hello(0, 20), Snap(1, 20), Heartbeat(2, 400)));
            case "§3.4":
                return AfterSnapshot(Heartbeat(3, 11));
            case "§3.5":
                return new OracleHarness(truth).Connection(1, Open, Snap(1, 10), Heartbeat(2, 11)).Connection(2,
                    Hello(1, 20), Snap(2, 20)).Oracle.Violations;
            case "§3.6":
                return AfterSnapshot(Swap(Heartbeat(2, 11), "\"seq\":2,", "\"seq\":2,\"dropped\":1,"));
            case "§3.7":
                return AfterSnapshot(Envelope(2, 11, "heartbeat", null, dropped: 1), Delta(3, 12));
            case "§4.1":
                return Of(Stream(Snap(0, 10), Heartbeat(1, 11)));
            case "§4.2":
                return Of(Stream(Open, Delta(1, 10), Snap(2, 11)));
            case "§5.1":
                return Of(Stream(Swap(Open, "\"rate\":30,", string.Empty), Snap(1, 10)));
            case "§5.2":
                return Of(Stream(
                    Open,
                    Swap(Snap(1, 10), "\"reason\":\"connect\",", string.Empty)));
            case "§5.3":
                return AfterSnapshot(Swap(Delta(2, 11), "\"left_los\":[],", string.Empty));
            case "§5.4":
                return AfterSnapshot(Swap(Heartbeat(2, 11), ",\"paused\":false", string.Empty));
            case "§5.5":
                return AfterSnapshot(Swap(Envelope(2, 11, "status", null), "\"state\":\"CONNECTED\"", "\"state\":3"));
            case "§6.1":
                // renamed position field: x becomes px
                return Of(Stream(Open, Snap(1, 10, own).Replace("\"x\":", "\"px\":", StringComparison.Ordinal)));
            case "§6.2":
                return Of(Stream(Open, Swap(Snap(1, 10), "\"dead\":false,", string.Empty)));
            case "§6.3":
                return Of(Stream(Open, Swap(Snap(1, 10), ",\"paused\":false}", "}")));
            case "§6.3 game.frame":
                // an old stamp on a fresh snapshot: the game object tells the frame it was read at
                return Of(Stream(
                    Open,
                    Swap(Snap(1, 10), "\"game\":{\"frame\":10", "\"game\":{\"frame\":1")));
            case "§6.4":
                return Of(Stream(
                    Open,
                    Swap(Snap(1, 10), "\"name\":\"Alice\",", string.Empty)));
            case "§7.1":
                return Of(Stream(Open, Snap(1, 10, own with { X = 130 })));
            case "§7.2":
                return Of(Stream(Open, Snap(1, 10, own, new Unit(99, 0, 1, 1, 1, Hp: 5))));
            case "§7.3":
                {
                    // the widget stops exporting: heartbeats only, while unit 1 keeps moving
                    truth.Moving[1] = f => new UnitTruth(1, 0, false, UnitVisibility.Full, 100 + f, 10, 200, 500);
                    return Of(Stream(Open, Snap(1, 0, own), Heartbeat(2, 60), Heartbeat(3, 120), Heartbeat(4, 240)));
                }

            case "§7.4":
                {
                    // unit 1 dies at frame 50; the widget never says so and goes quiet
                    truth.Units.Clear();
                    truth.Moving[1] = f => new UnitTruth(
                        1,
                        0,
                        false,
                        f < 50 ? UnitVisibility.Full : UnitVisibility.Hidden,
                        100,
                        10,
                        200,
                        500);
                    return Of(Stream(Open, Snap(1, 0, own), Heartbeat(2, 60), Heartbeat(3, 200), Heartbeat(4, 260)));
                }

            case "§8.1":
                {
                    truth.With(66, 1, enemy: true, UnitVisibility.Hidden);
                    truth.EnemyTeams.Add(1);
                    var enemyTeam = "{\"id\":1,\"ally_team\":1,\"dead\":false,\"metal\":{\"current\":1.0,"
                        + "\"income\":1.0,\"expense\":1.0,\"storage\":1.0,\"share\":0.5},\"energy\":null}";
                    return Of(Stream(
                        Open,
                        Envelope(1, 10, "snapshot", [own], teams: enemyTeam),
                        DeltaLists(2, 11, destroyed: [66])));
                }

            default:
                throw new InvalidOperationException($"no breaking stream for {rule}");
        }
    }

    /// <summary>The message with one piece of its text replaced: how a test breaks exactly one rule.</summary>
    private static string Swap(string message, string from, string to) =>
        message.Replace(from, to, StringComparison.Ordinal);
}
