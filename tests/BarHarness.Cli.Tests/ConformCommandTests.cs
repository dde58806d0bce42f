namespace BarHarness.Cli.Tests;

public class ConformCommandTests
{
    private const string Hello =
        "{\"schema_version\":1,\"seq\":0,\"type\":\"hello\",\"frame\":1,\"protocol\":\"1.1\","
            + "\"widget_version\":\"1.2.0\",\"detail\":\"minimal\","
        + "\"framing\":\"newline\",\"rate\":30,\"game_name\":\"g\",\"local\":{\"player_id\":0,\"team_id\":0,"
            + "\"ally_team_id\":0,\"spectator\":false,"
        + "\"full_view\":false},\"map\":{\"name\":\"m\",\"size_x\":1,\"size_z\":1},\"unit_defs\":[]}";

    private const string Snapshot =
        "{\"schema_version\":1,\"seq\":1,\"type\":\"snapshot\",\"frame\":2,\"protocol\":\"1.1\","
            + "\"reason\":\"connect\",\"detail\":\"minimal\","
        + "\"sample_window\":0,\"game\":{\"frame\":2,\"seconds\":0.07,\"speed\":1,\"wanted_speed\":1,"
            + "\"paused\":false},\"players\":[],\"teams\":[],"
        + "\"units\":[{\"id\":5,\"def\":1,\"team\":0,\"x\":1,\"y\":2,\"z\":3}]}";

    [Fact]
    public void A_conforming_stream_exits_0()
    {
        var file = Write(Hello + "\n" + Snapshot + "\n");

        Assert.Equal(0, CliRunner.Run("conform", file));
    }

    [Fact]
    public void A_stream_that_breaks_a_rule_exits_1()
    {
        var file = Write(Snapshot + "\n" + Hello + "\n");

        Assert.Equal(1, CliRunner.Run("conform", file));
    }

    [Fact]
    public void An_unreadable_file_exits_2()
    {
        Assert.Equal(2, CliRunner.Run("conform", Path.Combine(CliRunner.TempDir(), "missing.jsonl")));
    }

    private static string Write(string text)
    {
        var file = Path.Combine(CliRunner.TempDir(), "stream.jsonl");
        File.WriteAllText(file, text);
        return file;
    }
}
