namespace BarHarness.LuaHost.Widgets;

/// <summary>A place where a widget's text is not Lua 5.1 (an error: BAR cannot load it) or means something else there
/// (a warning).</summary>
public sealed record Lua51SyntaxIssue(string File, int Line, string Message, bool IsError)
{
    public override string ToString() => $"{File}:{Line}: {(IsError ? "error" : "warning")}: {Message}";
}
