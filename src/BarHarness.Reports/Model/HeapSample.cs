namespace BarHarness.Reports.Model;

/// <summary>Lua heap size right after a full garbage collection, at a game time.</summary>
/// <param name="VisibleUnits">
/// Units the local player could see at that moment (the world a widget may hold state for); null
/// when not recorded. The leak fit holds it fixed, so a heap that follows the world is not a leak.
/// </param>
public sealed record HeapSample(double GameSeconds, long Bytes, int? VisibleUnits = null);
