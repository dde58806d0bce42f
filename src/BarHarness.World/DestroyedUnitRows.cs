namespace BarHarness.World;

/// <summary>
/// The last state of units destroyed while the local LuaUI could read them, kept until their
/// UnitDestroyed call-in is delivered: Recoil calls UnitDestroyed before it deletes the unit, so
/// GetUnitPosition, GetUnitHealth and the rest still answer inside it.
/// </summary>
internal sealed class DestroyedUnitRows(int maxUnits)
{
    private readonly UnitTable _rows = new(maxUnits);

    public void Keep(UnitTable units, int unitId)
    {
        Forget(unitId);
        units.CopyRowTo(_rows, unitId);
    }

    /// <summary>The id is live again (or its call-in has passed): its old row goes.</summary>
    public void Forget(int unitId)
    {
        if (_rows.IsAlive(unitId))
        {
            _rows.Remove(unitId);
        }
    }

    /// <summary>Puts the kept row back into <paramref name="units"/> (last slot); false when none is kept.</summary>
    public bool Restore(UnitTable units, int unitId)
    {
        if (!_rows.IsAlive(unitId) || units.IsAlive(unitId))
        {
            return false;
        }

        _rows.CopyRowTo(units, unitId);
        _rows.Remove(unitId);
        return true;
    }
}
