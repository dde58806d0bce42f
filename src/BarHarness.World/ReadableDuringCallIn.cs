namespace BarHarness.World;

/// <summary>
/// While a UnitDestroyed call-in runs, the destroyed unit is back in the unit table (its last slot),
/// so the engine API reads it as Recoil does; disposing removes it again, leaving the world as it was.
/// </summary>
public readonly struct ReadableDuringCallIn : IDisposable
{
    private readonly SyntheticWorld? _world;
    private readonly int _unitId;

    internal ReadableDuringCallIn(SyntheticWorld world, int unitId)
    {
        _world = world;
        _unitId = unitId;
        world.UnitInDestroyedCallIn = unitId;
    }

    public void Dispose()
    {
        if (_world is null)
        {
            return;
        }

        _world.UnitInDestroyedCallIn = 0;
        if (_world.Units.IsAlive(_unitId))
        {
            _world.Units.Remove(_unitId);
        }
    }
}
