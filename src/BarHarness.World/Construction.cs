namespace BarHarness.World;

/// <summary>
/// Nanoframes growing to finished units (UnitFinished) and paralysis wearing off. Keeps count of
/// both so the per-frame loop is skipped while nothing is being built or paralyzed.
/// </summary>
internal sealed class Construction(UnitTable units, UnitDefStats defs, GameClock clock, WorldEventQueue events,
    LocalView view)
{
    private int _underConstruction;
    private int _paralyzed;

    public void Started() => _underConstruction++;

    /// <summary>An EMP hit on a unit whose paralysis was zero.</summary>
    public void ParalysisStarted() => _paralyzed++;

    /// <summary>A unit leaves the world: it stops counting as being built or paralyzed.</summary>
    public void Forget(int slot)
    {
        if (units.BuildFramesLeft[slot] > 0)
        {
            _underConstruction--;
        }

        if (units.Paralyze[slot] > 0)
        {
            _paralyzed--;
        }
    }

    public void Step()
    {
        if (_underConstruction == 0 && _paralyzed == 0)
        {
            return;
        }

        var u = units;
        var count = u.Count;
        for (var s = 0; s < count; s++)
        {
            var left = u.BuildFramesLeft[s];
            if (left > 0)
            {
                left--;
                u.BuildFramesLeft[s] = left;
                var progress = left == 0 ? 1f : u.BuildProgress[s] + ((1f - u.BuildProgress[s]) / (left + 1));
                u.BuildProgress[s] = progress;
                u.Health[s] = Math.Max(u.Health[s], u.MaxHealth[s] * progress);
                if (left == 0)
                {
                    _underConstruction--;
                    Finish(s);
                }
            }

            if (u.Paralyze[s] > 0)
            {
                u.Paralyze[s] = Math.Max(0, u.Paralyze[s] - (u.MaxHealth[s] / 300f));
                if (u.Paralyze[s] == 0)
                {
                    _paralyzed--;
                }
            }
        }
    }

    private void Finish(int s)
    {
        var id = units.IdAt[s];
        var builderSlot = units.Slot(units.BuiltBy[s]);
        if (builderSlot >= 0 && units.CurrentBuild[builderSlot] == id)
        {
            units.CurrentBuild[builderSlot] = 0;
        }

        units.BuiltBy[s] = 0;
        if (defs.SpeedPerFrame[units.DefId[s]] > 0)
        {
            units.FramesToTarget[s] = 0;
        }

        if (view.CanRead(units.AllyTeam[s]))
        {
            events.Enqueue(new WorldEvent(WorldEventKind.UnitFinished, clock.Frame, id, units.DefId[s], units.Team[s]));
        }
    }
}
