namespace BarHarness.Scenarios.Definition;

/// <summary>
/// The player selects their first <see cref="Count"/> units (by unit id; 0 clears), of one type when
/// <see cref="Unit"/> names it, or adds them to the selection.
/// </summary>
public sealed record SelectUnits(double AtSeconds, int Count, bool Append, string? Unit = null) : GameEvent(AtSeconds)
{
    public override string Action => "select";
}

/// <summary>
/// The player orders the selected units: <see cref="Command"/> is a CMD name (move, patrol, fight, stop,
/// wait, attack, guard, repair, selfd, fire_state, move_state, repeat, onoff) or build with
/// <see cref="Unit"/>; <see cref="Params"/> as Recoil takes them ([x, y, z] for positions).
/// </summary>
public sealed record OrderUnits(double AtSeconds, string Command, double[] Params, bool Shift, string? Unit)
    : GameEvent(AtSeconds)
{
    public override string Action => "order";
}

/// <summary>A key pressed and released (KeyPress then KeyRelease): an SDL key code and modifiers.</summary>
public sealed record PressKey(double AtSeconds, int Key, IReadOnlyList<string> Mods) : GameEvent(AtSeconds)
{
    public override string Action => "key";
}

/// <summary>A mouse click at screen coordinates (MousePress then MouseRelease), button 1 left, 3 right.</summary>
public sealed record ClickMouse(double AtSeconds, int X, int Y, int Button) : GameEvent(AtSeconds)
{
    public override string Action => "click";
}

/// <summary>The mouse wheel turned (MouseWheel(up, value)).</summary>
public sealed record TurnWheel(double AtSeconds, bool Up, double Value) : GameEvent(AtSeconds)
{
    public override string Action => "wheel";
}

/// <summary>Text typed into the game (TextInput per character).</summary>
public sealed record TypeText(double AtSeconds, string Text) : GameEvent(AtSeconds)
{
    public override string Action => "type";
}

/// <summary>The game window resized (ViewResize(width, height); GetViewGeometry follows).</summary>
public sealed record ResizeView(double AtSeconds, int Width, int Height) : GameEvent(AtSeconds)
{
    public override string Action => "resize";
}

/// <summary>Units of a named type appear for a team (finished), e.g. a commander.</summary>
public sealed record SpawnUnits(double AtSeconds, string Unit, int Team, int Count) : GameEvent(AtSeconds)
{
    public override string Action => "spawn";
}
