namespace BarHarness.Engine.Tests.SpringApi;

/// <summary>The stand-ins for BAR's own globals behave as BAR's do for a caller.</summary>
public class BarStandInTests
{
    [Theory]
    [InlineData("return string.formatSI(1500)", "1.5k")]
    [InlineData("return string.formatSI(2500000)", "2.5M")]
    [InlineData("return string.formatSI(12)", "12")]
    [InlineData("return tostring(math.isInRect(5, 5, 0, 0, 10, 10))", "true")]
    [InlineData("return tostring(math.isInRect(11, 5, 0, 0, 10, 10))", "false")]
    [InlineData("return Spring.I18N('ui.hello', { name = 'x' })", "ui.hello")]
    [InlineData("return Spring.I18N('hi %{name}', { name = 'bob' })", "hi bob")]
    [InlineData("local t = { a = { 1 } } local c = table.copy(t) c.a[1] = 2 return tostring(t.a[1])", "1")]
    [InlineData("return tostring(table.contains({ 3, 4 }, 4))", "true")]
    [InlineData("return tostring(GameCMD.AREA_MEX == GameCMD.AREA_MEX and GameCMD.AREA_MEX ~= GameCMD.QUOTA)", "true")]
    [InlineData("return type(Spring.I18N.setLanguage)", "function")]
    [InlineData("return tostring(Spring.Utilities.IsDevMode())", "false")]
    [InlineData("return tostring(Spring.Utilities.ShowDevUI())", "false")]
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
