namespace BarHarness.World;

/// <summary>The shared state the world's concerns work on: units, their types, the clock, the call-in queue.</summary>
internal sealed record WorldParts(
    UnitTable Units,
    Func<Roster> Roster,
    UnitDefCatalog DefCatalog,
    UnitDefStats Defs,
    int[] UnitsPerTeam,
    Terrain Terrain,
    GameClock Clock,
    WorldEventQueue Events,
    LocalView View,
    int MapSizeX,
    int MapSizeZ);
