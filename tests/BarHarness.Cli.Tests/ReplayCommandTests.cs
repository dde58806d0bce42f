using System.Text;
using BarHarness.Scenarios.Definition;
using BarHarness.Scenarios.Replay;

namespace BarHarness.Cli.Tests;

public sealed class ReplayCommandTests
{
    [Fact]
    public void Replay_turns_a_recording_into_a_scenario_that_follows_it()
    {
        var dir = CliRunner.TempDir();
        var recording = Path.Combine(dir, "game.jsonl");
        var output = Path.Combine(dir, "replay.yaml");
        File.WriteAllText(recording, Recording(), new UTF8Encoding(false));

        Assert.Equal(0, CliRunner.Run("replay", recording, "--out", output));

        var s = ScenarioLoader.Load(output);
        Assert.Equal(20, s.DurationSeconds, 3); // frames 300..900
        Assert.Equal(3, s.Units.Initial);
        Assert.Equal(4, s.World.TeamCount); // team 3 seen on a unit
        Assert.True(s.World.LocalPlayer.Spectator);
        Assert.Equal(new MapSize(6144, 4096), s.World.Map);
        var disconnect = Assert.Single(s.Faults);
        Assert.Equal("disconnect", disconnect.Name);
        Assert.Equal(10, disconnect.AtSeconds, 3); // last frame of connection 1 = 600
        Assert.Equal(2, s.Units.Ramps[^1].To); // after the reconnect snapshot, 2 units remain
        Assert.Contains(s.Units.Ramps, r => r.To == 5);
    }

    [Fact]
    public void A_line_that_is_not_JSON_is_reported_with_its_line_number()
    {
        var dir = CliRunner.TempDir();
        var recording = Path.Combine(dir, "bad.jsonl");
        File.WriteAllText(recording, """{"at_us":1,"conn":1,"msg":{"type":"hello","frame":1}}""" + "\nnot json\n");

        var error = Assert.Throws<BarHarness.Core.Diagnostics.HarnessInputException>(() =>
            RecordedStream.Load(recording));
        Assert.Contains(":2", error.Describe(), StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("replay", recording, "--out", Path.Combine(dir, "x.yaml")));
    }

    [Fact]
    public void Units_seen_follow_snapshots_and_deltas_by_id()
    {
        var dir = CliRunner.TempDir();
        var recording = Path.Combine(dir, "game.jsonl");
        File.WriteAllText(recording, Recording());

        var summary = RecordingSummary.From(RecordedStream.Load(recording));

        Assert.Equal([3, 5, 4, 2], summary.UnitCounts.Select(c => c.Units).ToArray());
        Assert.Equal([600], summary.ConnectionBreakFrames.ToArray());
    }

    /// <summary>
    /// A game seen by a spectator: 3 units, +2 created (one repeated in updated), 1 destroyed,
    /// then a reconnect whose snapshot holds 2 units. One line from a broken frame in between.
    /// </summary>
    private static string Recording() => string.Join('\n', [
        """{"at_us":1000,"conn":1,"msg":{"schema_version":1,"seq":0,"type":"hello","frame":300,"local":"""
            + """{"player_id":0,"team_id":1,"ally_team_id":0,"spectator":true,"full_view":true},"map":"""
            + """{"name":"M","size_x":6144,"size_z":4096}}}""",
        """{"at_us":1100,"conn":1,"msg":{"schema_version":1,"seq":1,"type":"snapshot","frame":300,"teams":[{"id":"""
            + """0,"ally_team":0},{"id":1,"ally_team":0},{"id":2,"ally_team":1}],"units":[{"id":1,"team":0},{"id":"""
            + """2,"team":1},{"id":3,"team":2}]}}""",
        """{"at_us":2000,"conn":1,"msg":{"schema_version":1,"seq":2,"type":"delta","frame":450,"created":[{"id":"""
            + """4,"team":3},{"id":5,"team":2}],"updated":[{"id":4,"team":3}],"destroyed":[],"left_los":[]}}""",
        """{"at_us":2500,"conn":1,"invalid":"{oops","base64":"e29vcHM="}""",
        """{"at_us":3000,"conn":1,"msg":{"schema_version":1,"seq":3,"type":"delta","frame":600,"created":"""
            + """[],"updated":[],"destroyed":[1],"left_los":[]}}""",
        """{"at_us":9000,"conn":2,"msg":{"schema_version":1,"seq":4,"type":"hello","frame":750,"local":"""
            + """{"player_id":0,"team_id":1,"ally_team_id":0,"spectator":true,"full_view":true}}}""",
        """{"at_us":9100,"conn":2,"msg":{"schema_version":1,"seq":5,"type":"snapshot","frame":750,"units":[{"id":"""
            + """2,"team":1},{"id":3,"team":2}]}}""",
        """{"at_us":20000,"conn":2,"msg":{"schema_version":1,"seq":6,"type":"heartbeat","frame":900}}""",
        string.Empty,
    ]);
}
