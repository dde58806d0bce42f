namespace BarHarness.LuaHost.Tests.Differential;

/// <summary>
/// Found by the differential probes: an error of a C function (string.format's 5.1 shim on the 5.4 VM,
/// the real string.format on the 5.1 VM) must be caught by the pcall around it, also when the
/// function is tail-called or called by pcall itself, as in real Lua 5.1 (and BAR).
/// </summary>
public sealed class NativeErrorEscapeTests
{
    [Fact]
    public void Native_error_from_a_tail_call_is_caught_by_the_enclosing_pcall()
    {
        using var runtime = new LuaRuntime();
        var result = runtime.DoString(
            """
            local ok, message = pcall(function() return string.format("%d", nil) end)
            return ok, message
            """,
            "=probe");

        Assert.Equal(false, result[0]);
        Assert.Contains("bad argument #2 to 'format'", (string)result[1]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Native_error_of_a_native_called_by_pcall_is_caught_by_that_pcall()
    {
        using var runtime = new LuaRuntime();
        var result = runtime.DoString(
            """
            local ok, message = pcall(string.format, "%d", nil)
            return ok, message
            """,
            "=probe");

        Assert.Equal(false, result[0]);

        // Called by pcall, the C function has no name in real Lua 5.1 ('?'); the 5.4 VM's shim names it.
        var name = BarHarness.LuaHost.Interop.LuaApi.IsLua51 ? "?" : "format";
        Assert.Equal($"bad argument #2 to '{name}' (number expected, got nil)", (string)result[1]!);
    }

    [Fact]
    public void Native_error_in_a_plain_call_is_caught_by_pcall()
    {
        // The control case: a non-tail call inside the pcalled function works today.
        using var runtime = new LuaRuntime();
        var result = runtime.DoString(
            """
            local ok, message = pcall(function() local s = string.format("%d", nil); return s end)
            return ok, message
            """,
            "=probe");

        Assert.Equal(false, result[0]);
        Assert.Contains("bad argument #2 to 'format'", (string)result[1]!, StringComparison.Ordinal);
    }
}
