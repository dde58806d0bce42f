namespace BarHarness.World;

/// <summary>
/// Switches for hostile-but-possible situations. They are off by default: the plain world is as
/// kind as Recoil, no kinder and no harsher.
/// </summary>
public sealed class ApiHazards
{
    /// <summary>
    /// After a unit list (GetAllUnits, GetTeamUnits, ...) is handed to Lua, one of its units dies at
    /// once, so the widget's next per-unit call for it returns nothing.
    /// </summary>
    public bool DestroyUnitAfterUnitList { get; set; }

    /// <summary>Units with health at or below zero stay alive (edge data: negative health).</summary>
    public bool KeepNegativeHealthUnitsAlive { get; set; }

    /// <summary>Units placed beyond the map keep wandering out there instead of walking back.</summary>
    public bool KeepUnitsBeyondMap { get; set; }
}
