using BarHarness.Core.Randomness;

namespace BarHarness.Scenarios.Running;

/// <summary>Turns a scenario's unit timeline into world operations, frame by frame.</summary>
internal sealed class UnitTimelineDriver(
    UnitTimeline timeline, EdgeDataSpec edge, SyntheticWorld world, SeededRandom random)
{
    private readonly UnitTimeline _timeline = timeline;
    private readonly SyntheticWorld _world = world;
    private readonly SeededRandom _random = random;
    private readonly EdgeDataSpec _edge = edge;

    public void Start()
    {
        if (_timeline.Initial > 0)
        {
            _world.SpawnAcrossTeams(_timeline.Initial);
        }

        // A "1000-unit battle" stays one: units lost in combat are replaced (as factories would), until a
        // ramp, wave or mass spawn/destroy moves the count. 'hold: false' lets combat wear the army down.
        if (_timeline.Hold)
        {
            _world.SetUnitCountTarget(_timeline.Initial, Math.Max(1, (int)Math.Ceiling(_timeline.Initial * 0.002)));
        }

        var churn = _timeline.ChurnPerSecond / ScenarioDefinition.FramesPerSecond;
        _world.SetChurn(churn, churn);
        if (_edge.HugeResources)
        {
            _world.GiveHugeResources();
        }

        if (_edge.UnicodeNames)
        {
            _world.UseUnicodePlayerNames();
        }

        _world.Hazards.DestroyUnitAfterUnitList = _edge.DieMidFrameRate > 0;
    }

    /// <summary>Applies whatever the timeline schedules at this frame (by whole frames, so replays match).</summary>
    public void Apply(int frame)
    {
        var fps = ScenarioDefinition.FramesPerSecond;
        static int FrameOf(double seconds) => (int)Math.Round(seconds * ScenarioDefinition.FramesPerSecond);

        foreach (var ramp in _timeline.Ramps)
        {
            if (FrameOf(ramp.AtSeconds) == frame)
            {
                var frames = Math.Max(1, FrameOf(ramp.OverSeconds));
                var delta = Math.Abs(ramp.To - _world.UnitCount);
                _world.SetUnitCountTarget(ramp.To, Math.Max(1, (int)Math.Ceiling(delta / (double)frames)));
            }
        }

        foreach (var wave in _timeline.Waves)
        {
            if (FrameOf(wave.AtSeconds) == frame)
            {
                SpawnScripted(wave.Team, wave.Count);
            }
        }

        foreach (var spawn in _timeline.MassSpawns)
        {
            if (FrameOf(spawn.AtSeconds) == frame)
            {
                SpawnScripted(spawn.Team, spawn.Count);
            }
        }

        foreach (var destroy in _timeline.MassDestroys)
        {
            if (FrameOf(destroy.AtSeconds) == frame)
            {
                _world.DestroyRandom(destroy.Count, destroy.Team);
                ShiftHeldCount(-destroy.Count);
            }
        }

        foreach (var transfer in _timeline.Transfers)
        {
            if (FrameOf(transfer.AtSeconds) == frame)
            {
                _world.TransferRandom(transfer.Count, transfer.From, transfer.To);
            }
        }

        if (_timeline.Los.ChangesPerSecond > 0 && _random.Chance(_timeline.Los.ChangesPerSecond / fps))
        {
            _world.TeleportEnemiesIntoView(1);
        }

        // Edge data, drawn per frame from the scenario's seed (rates are shares of units per second)
        var units = _world.UnitCount;
        InjectAtRate(_edge.NanPositionRate + _edge.InfPositionRate, units, n => _world.InjectNonFinitePositions(n));
        InjectAtRate(_edge.NegativeHealthRate, units, n => _world.InjectNegativeHealth(n));
        InjectAtRate(_edge.BeyondMapRate, units, n => _world.MoveUnitsBeyondMap(n));
    }

    // A wave or mass spawn: into one team, or spread across all of them.
    private void SpawnScripted(int? team, int count)
    {
        if (team is int one)
        {
            _world.Spawn(one, count);
        }
        else
        {
            _world.SpawnAcrossTeams(count);
        }

        ShiftHeldCount(count);
    }

    // A count the world holds moves with a scripted spawn or destroy, so the script is not undone.
    private void ShiftHeldCount(int delta)
    {
        if (_world.UnitCountTarget is { } target)
        {
            _world.SetUnitCountTarget(Math.Max(0, target + delta), _world.MaxChangePerFrame);
        }
    }

    /// <summary>
    /// Edge-data rates are shares of unit reads (0..1); the engine injects whole units. Each game second,
    /// about rate × units units are given the edge value, spread over the second's frames.
    /// </summary>
    private void InjectAtRate(double share, int units, Func<int, int> inject)
    {
        if (share <= 0 || units == 0)
        {
            return;
        }

        var perFrame = share * units / ScenarioDefinition.FramesPerSecond;
        var count = (int)Math.Floor(perFrame);
        if (_random.Chance(perFrame - count))
        {
            count++;
        }

        if (count > 0)
        {
            inject(count);
        }
    }
}
