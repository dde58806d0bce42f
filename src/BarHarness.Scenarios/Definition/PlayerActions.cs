using BarHarness.World.Commands;

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
/// The player orders the selected units: <see cref="Command"/> is a CMD name of <see cref="CommandIdsByName"/>
/// (move, patrol, fight, stop, wait, attack, guard, repair, selfd, fire_state, move_state, repeat, onoff) or
/// build with <see cref="Unit"/>; <see cref="Params"/> as Recoil takes them ([x, y, z] for positions).
/// </summary>
public sealed record OrderUnits(double AtSeconds, string Command, double[] Params, bool Shift, string? Unit)
    : GameEvent(AtSeconds)
{
    private static readonly (string Name, int Id)[] Commands =
    [
        ("move", CommandIds.Move), ("patrol", CommandIds.Patrol), ("fight", CommandIds.Fight),
        ("stop", CommandIds.Stop), ("wait", CommandIds.Wait), ("attack", CommandIds.Attack),
        ("guard", CommandIds.Guard), ("repair", CommandIds.Repair), ("selfd", CommandIds.SelfDestruct),
        ("fire_state", CommandIds.FireState), ("move_state", CommandIds.MoveState), ("repeat", CommandIds.Repeat),
        ("onoff", CommandIds.OnOff),
    ];

    /// <summary>The CMD names an order may give, with Recoil's ids (build names a unit instead).</summary>
    public static IReadOnlyDictionary<string, int> CommandIdsByName { get; } =
        Commands.ToDictionary(c => c.Name, c => c.Id, StringComparer.Ordinal);

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
