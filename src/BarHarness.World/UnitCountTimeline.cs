namespace BarHarness.World;

/// <summary>
/// How many units a scenario wants over time: a ramp towards a target count (at most so many
/// changes a frame) and a steady churn of births and deaths (fractions accumulate across frames).
/// </summary>
internal sealed class UnitCountTimeline(UnitTable units, UnitLifecycle lifecycle, int maxUnits)
{
    private double _spawnCredit, _destroyCredit;

    /// <summary>Units wanted by the ramp (null: no ramp).</summary>
    public int? Target { get; private set; }

    public int MaxChangePerFrame { get; private set; } = 50;

    public double SpawnsPerFrame { get; private set; }

    public double DestroysPerFrame { get; private set; }

    public void SetTarget(int? target, int maxChangePerFrame)
    {
        Target = target is { } t ? Math.Clamp(t, 0, maxUnits) : null;
        MaxChangePerFrame = Math.Max(1, maxChangePerFrame);
    }

    public void SetChurn(double spawnsPerFrame, double destroysPerFrame)
    {
        SpawnsPerFrame = Math.Max(0, spawnsPerFrame);
        DestroysPerFrame = Math.Max(0, destroysPerFrame);
    }

    public void Step()
    {
        if (Target is { } target)
        {
            var diff = target - units.Count;
            if (diff > 0)
            {
                lifecycle.SpawnAcrossTeams(Math.Min(diff, MaxChangePerFrame), complete: lifecycle.Random.Chance(0.7));
            }
            else if (diff < 0)
            {
                lifecycle.DestroyRandom(Math.Min(-diff, MaxChangePerFrame), teamId: null);
            }
        }

        _spawnCredit += SpawnsPerFrame;
        _destroyCredit += DestroysPerFrame;
        var spawns = (int)_spawnCredit;
        var destroys = (int)_destroyCredit;
        _spawnCredit -= spawns;
        _destroyCredit -= destroys;
        if (destroys > 0)
        {
            lifecycle.DestroyRandom(destroys, teamId: null);
        }

        if (spawns > 0)
        {
            lifecycle.SpawnAcrossTeams(spawns, complete: false);
        }
    }
}
