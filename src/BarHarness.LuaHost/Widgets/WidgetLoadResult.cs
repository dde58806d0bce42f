namespace BarHarness.LuaHost.Widgets;

public enum WidgetLoadStatus
{
    /// <summary>Loaded and initialised; call-ins will reach it.</summary>
    Loaded,

    /// <summary>The chunk returned false: BAR drops such a widget silently.</summary>
    Dropped,

    /// <summary>The widget removed itself during Initialize.</summary>
    RemovedDuringInitialize,

    /// <summary>Syntax error, runtime error in the chunk, GetInfo, SetConfigData or Initialize.</summary>
    Failed,

    /// <summary>Uses Lua 5.4-only syntax: BAR's Lua 5.1 would refuse to load it.</summary>
    NotLoadableInBar,
}

/// <summary>The outcome of loading one widget file, with the error as BAR would show it.</summary>
public sealed record WidgetLoadResult(
    WidgetLoadStatus Status,
    string File,
    string? Name,
    string? Stage,
    string? Message,
    string? Traceback,
    IReadOnlyList<Lua51SyntaxIssue> SyntaxIssues)
{
    public bool IsLoaded => Status == WidgetLoadStatus.Loaded;

    public LuaErrorLocation? Location => LuaErrorLocation.TryParse(Message);

    public string Describe() => Status switch
    {
        WidgetLoadStatus.Loaded => $"{File}: loaded widget '{Name}'",
        WidgetLoadStatus.Dropped => $"{File}: the chunk returned false; BAR drops it silently",
        WidgetLoadStatus.RemovedDuringInitialize => $"{File}: widget '{Name}' removed itself during Initialize",
        WidgetLoadStatus.NotLoadableInBar => string.Join(Environment.NewLine, SyntaxIssues.Select(i => $"{i}")),
        _ => $"{File}: failed in {Stage}: {Message}",
    };
}
