namespace BarHarness.LuaHost.Tests;

public sealed class ArmedErrorProbeTests
{
    [Theory]
    [InlineData("local y = T.NeedsNumber('x') local z = 1",
        "false|t:1: bad argument #1 to 'NeedsNumber' (number expected, got string)")]
    [InlineData("T.NeedsNumber('x') local z = 1",
        "false|t:1: bad argument #1 to 'NeedsNumber' (number expected, got string)")]
    [InlineData("local y = T.NeedsNumber(1) local z = 1", "true|nil")]
    public void Armed_error_is_raised_at_the_callers_next_instruction(string body, string expected)
    {
        using var runtime = new LuaRuntime();
        TestNatives.Install(runtime);
        runtime.RunGlue("local H = ...; local T = H.System.Test; local ok, err = pcall(function() " + body
            + " end); H.res = tostring(ok) .. '|' .. tostring(err)", "=t");
        runtime.PushInternal();
        LuaApi.GetField(runtime.State, -1, "res");
        var res = runtime.ToObject(-1, 0);
        LuaApi.Pop(runtime.State, 2);
        Assert.Equal(expected, res);
    }
}
