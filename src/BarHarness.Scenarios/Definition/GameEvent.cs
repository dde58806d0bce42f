namespace BarHarness.Scenarios.Definition;

/// <summary>Something that happens to the game at a game time; the runner switches on the subtype.</summary>
public abstract record GameEvent(double AtSeconds)
{
    /// <summary>The event's name in scenario files (<c>action:</c>).</summary>
    public abstract string Action { get; }
}

/// <summary>
/// Game speed set to <see cref="Speed"/> (0.1..10), as <c>/setspeed</c>; <c>GetGameSpeed</c> follows.
/// </summary>
public sealed record SpeedChange(double AtSeconds, double Speed) : GameEvent(AtSeconds)
{
    public override string Action => "speed";
}

/// <summary>Game paused (<c>GamePaused(playerID, true)</c>; GameFrame stops, Update and DrawScreen go on).</summary>
public sealed record Pause(double AtSeconds) : GameEvent(AtSeconds)
{
    public override string Action => "pause";
}

/// <summary>Game unpaused (<c>GamePaused(playerID, false)</c>).</summary>
public sealed record Unpause(double AtSeconds) : GameEvent(AtSeconds)
{
    public override string Action => "unpause";
}

/// <summary>Widget reloaded as BAR does it: GetConfigData, Shutdown, fresh chunk, SetConfigData, Initialize.</summary>
public sealed record WidgetReload(double AtSeconds) : GameEvent(AtSeconds)
{
    public override string Action => "reload";
}

/// <summary>Widget disabled until now and enabled mid-game (first load happens here, not at frame 0).</summary>
public sealed record WidgetEnable(double AtSeconds) : GameEvent(AtSeconds)
{
    public override string Action => "enable";
}

/// <summary>The game ends: <c>GameOver()</c> call-in, <c>Spring.IsGameOver()</c> true, frames stop.</summary>
public sealed record GameOver(double AtSeconds) : GameEvent(AtSeconds)
{
    public override string Action => "game_over";
}

/// <summary>The local player becomes a spectator (<c>PlayerChanged</c>), with or without full view.</summary>
public sealed record SpectatorSwitch(double AtSeconds, bool FullView) : GameEvent(AtSeconds)
{
    public override string Action => "spectate";
}

/// <summary>
/// A console command typed by the user, e.g. <c>/livedata status</c> (reaches the widget's action or TextCommand).
/// </summary>
public sealed record TextCommand(double AtSeconds, string Command) : GameEvent(AtSeconds)
{
    public override string Action => "command";
}
