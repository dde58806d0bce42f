namespace BarHarness.LuaHost.Widgets;

public enum WidgetEventKind
{
    /// <summary>A call-in raised a Lua error; BAR removes the widget (except in Shutdown).</summary>
    Error,

    /// <summary>The widget was removed (by itself, by an error, by unload or shutdown).</summary>
    Removed,

    /// <summary>The widget used a handler feature the harness does not emulate.</summary>
    Unsupported,
}

/// <summary>Something the widget handler saw happen to a widget, with the Lua traceback when there is one.</summary>
public sealed record WidgetEvent(
    WidgetEventKind Kind,
    string Widget,
    string CallIn,
    string Message,
    string? Traceback,
    long Frame)
{
    /// <summary>Where the error points in the widget's files, parsed from the message, if it does.</summary>
    public LuaErrorLocation? Location => LuaErrorLocation.TryParse(Message);
}
