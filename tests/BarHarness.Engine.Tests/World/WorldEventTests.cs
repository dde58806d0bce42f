namespace BarHarness.Engine.Tests.World;

public class WorldEventTests
{
    private static SyntheticWorld NewWorld(LocalPlayerSetup? local = null, int units = 0) =>
        new(new GameSetup
        {
            Seed = 21,
            InitialUnits = units,
            CombatIntensity = 0,
            LocalPlayer = local ?? LocalPlayerSetup.Player(0)
        });

    /// <summary>A crowded world whose LOS is refreshed every frame.</summary>
    private static SyntheticWorld LosEveryFrameWorld() =>
        new(new GameSetup { Seed = 8, InitialUnits = 200, CombatIntensity = 0, LosUpdateInterval = 1 });

    private static List<WorldEvent> Drain(SyntheticWorld world)
    {
        var list = new List<WorldEvent>();
        while (world.Events.TryDequeue(out var e))
        {
            list.Add(e);
        }

        return list;
    }

    [Fact]
    public void Spawning_a_finished_own_unit_raises_created_then_finished()
    {
        var world = NewWorld();
        world.Spawn(0, 1);
        var events = Drain(world);
        Assert.Equal([WorldEventKind.UnitCreated, WorldEventKind.UnitFinished], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(0, e.Team));
    }

    [Fact]
    public void A_player_gets_no_created_call_in_for_an_enemy_unit()
    {
        var world = NewWorld();
        var enemyTeam = world.Roster.Teams.First(t => t.AllyTeamId != world.LocalAllyTeamId && !t.IsGaia).TeamId;
        world.Spawn(enemyTeam, 3);
        Assert.Empty(Drain(world));
    }

    [Fact]
    public void A_full_view_spectator_gets_created_call_ins_for_every_team()
    {
        var world = NewWorld(LocalPlayerSetup.Spectator(fullView: true));
        world.Spawn(0, 1);
        world.Spawn(world.Roster.PlayingTeamCount - 1, 1);
        Assert.Equal(2, Drain(world).Count(e => e.Kind == WorldEventKind.UnitCreated));
    }

    [Fact]
    public void Destroying_an_own_unit_reports_def_team_and_attacker()
    {
        var world = NewWorld(units: 40);
        Drain(world);
        var victim = world.AllUnitIds().First(id => world.TrueTeamOf(id) == 0);
        var attacker = world.AllUnitIds().First(id => world.TrueAllyTeamOf(id) != world.LocalAllyTeamId);
        Assert.True(world.Destroy(victim, attacker));
        var e = Assert.Single(Drain(world));
        Assert.Equal(WorldEventKind.UnitDestroyed, e.Kind);
        Assert.Equal(victim, e.UnitId);
        Assert.Equal(0, e.Team);
        Assert.Equal(attacker, e.AttackerId);
        Assert.Equal(world.TrueDefOf(attacker), e.AttackerDefId);
        Assert.Equal(world.TrueTeamOf(attacker), e.AttackerTeam);
        Assert.False(world.UnitExists(victim));
    }

    [Fact]
    public void Giving_a_unit_to_an_ally_raises_taken_then_given_with_recoil_argument_order()
    {
        var world = NewWorld(units: 40);
        Drain(world);
        var unit = world.AllUnitIds().First(id => world.TrueTeamOf(id) == 0);
        Assert.True(world.Transfer(unit, 1));
        var events = Drain(world);
        Assert.Equal([WorldEventKind.UnitTaken, WorldEventKind.UnitGiven], events.Select(e => e.Kind));
        Assert.Equal((0, 1), (events[0].Team, events[0].OtherTeam)); // UnitTaken(u, def, oldTeam, newTeam)
        Assert.Equal((1, 0), (events[1].Team, events[1].OtherTeam)); // UnitGiven(u, def, newTeam, oldTeam)
    }

    [Fact]
    public void Enemies_brought_next_to_own_units_enter_los_at_the_next_refresh()
    {
        var world = LosEveryFrameWorld();
        world.StepFrame();
        Drain(world);
        world.TeleportEnemiesIntoView(10);
        world.StepFrame();
        var entered = Drain(world).Where(e => e.Kind == WorldEventKind.UnitEnteredLos).ToList();
        Assert.NotEmpty(entered);
        Assert.All(entered, e => Assert.Equal(world.LocalAllyTeamId, e.AllyTeam));
        Assert.All(entered, e => Assert.True(world.IsInLosOfLocalPlayer(e.UnitId)));
    }

    [Fact]
    public void Los_changes_of_other_ally_teams_are_not_delivered_to_a_player()
    {
        var world = LosEveryFrameWorld();
        for (var f = 0; f < 60; f++)
        {
            world.StepFrame();
        }

        Assert.All(Drain(world).Where(e => e.Kind is WorldEventKind.UnitEnteredLos or WorldEventKind.UnitLeftLos),
            e => Assert.Equal(world.LocalAllyTeamId, e.AllyTeam));
    }

    [Fact]
    public void Forcing_an_enemy_out_of_los_raises_left_los_and_hides_its_health()
    {
        var world = NewWorld(LocalPlayerSetup.Player(0), units: 100);
        var enemy = world.AllUnitIds().First(id => world.TrueAllyTeamOf(id) != world.LocalAllyTeamId);
        world.ForceLosState(enemy, world.LocalAllyTeamId, true);
        Drain(world);
        Assert.True(world.IsInLosOfLocalPlayer(enemy));
        world.ForceLosState(enemy, world.LocalAllyTeamId, false);
        var e = Assert.Single(Drain(world));
        Assert.Equal(WorldEventKind.UnitLeftLos, e.Kind);
        Assert.False(world.IsInLosOfLocalPlayer(enemy));
    }

    [Fact]
    public void Units_under_construction_finish_later_with_a_finished_call_in()
    {
        var world = NewWorld(units: 0);
        world.Spawn(0, 1, complete: false);
        var created = Drain(world);
        Assert.Equal([WorldEventKind.UnitCreated], created.Select(e => e.Kind));
        var id = created[0].UnitId;
        world.TryGetTrueHealth(id, out _, out _, out var progress);
        Assert.True(progress < 1f);
        for (var f = 0; f < 1000 && !world.Events.TryDequeue(out _); f++)
        {
            world.StepFrame();
        }

        world.TryGetTrueHealth(id, out _, out _, out progress);
        Assert.Equal(1f, progress);
    }

    [Fact]
    public void A_freed_unit_id_is_not_handed_out_again_within_the_recycle_delay()
    {
        var world = new SyntheticWorld(
            new GameSetup { Seed = 1, MaxUnits = 16, UnitIdRecycleDelayFrames = 60, CombatIntensity = 0 });
        world.Spawn(0, 16);
        var victim = world.AllUnitIds()[0];
        world.Destroy(victim);
        Assert.Equal(0, world.Spawn(0, 1)); // pool empty: the id is still cooling down
        for (var f = 0; f < 61; f++)
        {
            world.StepFrame();
        }

        Assert.Equal(1, world.Spawn(0, 1));
        Assert.True(world.UnitExists(victim));
    }

    [Fact]
    public void The_ramp_reaches_its_target_count()
    {
        var world = NewWorld();
        world.SetUnitCountTarget(1000, 100);
        for (var f = 0; f < 12; f++)
        {
            world.StepFrame();
        }

        Assert.Equal(1000, world.UnitCount);
        world.SetUnitCountTarget(200, 100);
        for (var f = 0; f < 9; f++)
        {
            world.StepFrame();
        }

        Assert.Equal(200, world.UnitCount);
    }

    [Fact]
    public void First_step_is_frame_one_and_pause_stops_the_clock()
    {
        var world = NewWorld();
        Assert.True(world.StepFrame());
        Assert.Equal(1, world.Frame);
        world.Clock.SetPaused(true, 0);
        Assert.False(world.StepFrame());
        Assert.Equal(1, world.Frame);
    }
}
