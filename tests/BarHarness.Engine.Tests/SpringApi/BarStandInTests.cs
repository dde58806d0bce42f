namespace BarHarness.Engine.Tests.SpringApi;

/// <summary>The stand-ins for BAR's own globals behave as BAR's do for a caller.</summary>
public class BarStandInTests
{
    [Theory]
    [CaseTable("SpringApi/BarStandInTests.Stand_in_answers_as_bar_does.tsv")]
    public void Stand_in_answers_as_bar_does(string code, string expected)
    {
        using var e = new LuaEngine();
        Assert.Equal(expected, e.Value(code));
    }

    [Fact]
    public void Without_stand_ins_the_bar_globals_are_absent()
    {
        using var e = new LuaEngine(options: new BarHarness.Engine.SpringApi.EngineApiOptions { BarStandIns = false });
        const string Probe =
            "return GameCMD == nil and string.formatSI == nil and Spring.I18N == nil and Spring.Utilities == nil";
        Assert.Equal(true, e.Value(Probe));
    }
}
