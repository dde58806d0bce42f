namespace BarHarness.LuaHost.Runtime;

/// <summary>A Lua error met while the harness itself ran Lua (loading, glue, a probe script).</summary>
public sealed class LuaScriptException : Exception
{
    public LuaScriptException(string message, string? traceback = null)
        : base(message)
    {
        LuaTraceback = traceback;
    }

    public string? LuaTraceback { get; }
}
