using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BarHarness.Engine.Tests.World;

public class LosPrivacyTests
{
    // How far a coarse LOS grid may reach past the true radius: radius rounding (half a cell), the disc
    // edge (half a cell) and where eye and target sit inside their cells (up to a diagonal each).
    private const float CellSlack = SensorGrid.CellSize * 2.5f;

    [Property]
    public Property A_player_never_has_an_enemy_in_los_that_no_allied_eye_can_reach()
    {
        return Prop.ForAll(Gen.Choose(1, 100_000).ToArbitrary(), Gen.Choose(1, 60).ToArbitrary(), (seed, frames) =>
        {
            var world = new SyntheticWorld(
                new GameSetup { Seed = (ulong)seed, InitialUnits = 200, LosUpdateInterval = 1, CombatIntensity = 0 });
            for (var f = 0; f < frames; f++)
            {
                world.StepFrame();
            }

            foreach (var id in world.AllUnitIds())
            {
                if (world.TrueAllyTeamOf(id) == world.LocalAllyTeamId)
                {
                    continue;
                }

                var reachable = AnyAlliedEyeReaches(world, id);
                if (world.IsInLosOfLocalPlayer(id) && !reachable)
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Visible_set_of_a_player_holds_only_allies_los_contacts_and_radar_blips()
    {
        var world = new SyntheticWorld(new GameSetup { Seed = 11, InitialUnits = 600, LosUpdateInterval = 1 });
        for (var f = 0; f < 45; f++)
        {
            world.StepFrame();
        }

        var visible = world.VisibleUnitIdsForLocalPlayer();
        var bit = 1u << world.LocalAllyTeamId;
        Assert.All(visible, id => Assert.True(
            world.TrueAllyTeamOf(id) == world.LocalAllyTeamId
            || ((world.Units.LosMask[world.Units.Slot(id)] | world.Units.RadarMask[world.Units.Slot(id)]) & bit) != 0));
        Assert.True(visible.Length < world.UnitCount, "a player should not see every enemy on a large map");
    }

    [Fact]
    public void A_full_view_spectator_sees_every_unit()
    {
        var world = new SyntheticWorld(
            new GameSetup { Seed = 5, InitialUnits = 300, LocalPlayer = LocalPlayerSetup.Spectator(fullView: true) });
        world.StepFrame();
        Assert.Equal(world.AllUnitIds(), world.VisibleUnitIdsForLocalPlayer());
    }

    [Fact]
    public void A_spectator_without_full_view_sees_like_the_spectated_team()
    {
        var spec = new SyntheticWorld(
            new GameSetup { Seed = 9, InitialUnits = 300, LocalPlayer = LocalPlayerSetup.Spectator(fullView: false) });
        var player = new SyntheticWorld(
            new GameSetup { Seed = 9, InitialUnits = 300, LocalPlayer = LocalPlayerSetup.Player(0) });
        spec.StepFrame();
        player.StepFrame();
        Assert.Equal(player.VisibleUnitIdsForLocalPlayer(), spec.VisibleUnitIdsForLocalPlayer());
    }

    private static bool AnyAlliedEyeReaches(SyntheticWorld world, int enemy)
    {
        var u = world.Units;
        var e = u.Slot(enemy);
        for (var s = 0; s < u.Count; s++)
        {
            if (u.AllyTeam[s] != world.LocalAllyTeamId)
            {
                continue;
            }

            var radius = u.BuildFramesLeft[s] == 0 ? world.UnitDefs[u.DefId[s]].LosRadius : SensorGrid.CellSize;
            var dx = u.X[s] - u.X[e];
            var dz = u.Z[s] - u.Z[e];
            var reach = radius + CellSlack;
            if ((dx * dx) + (dz * dz) <= reach * reach)
            {
                return true;
            }
        }

        return false;
    }
}
