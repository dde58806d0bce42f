namespace BarHarness.Engine.Tests.World;

public class WorldEventCallInTests
{
    [Fact]
    public void Los_call_ins_carry_two_arguments_unit_and_unit_team()
    {
        var (name, args) = WorldEventCallIn.From(new WorldEvent(WorldEventKind.UnitEnteredLos, 5, 123, 4, 2,
            AllyTeam: 0));
        Assert.Equal("UnitEnteredLos", name);
        Assert.Equal(new object?[] { 123, 2 }, args);
    }

    [Fact]
    public void A_death_without_attacker_passes_nils_for_the_attacker_fields()
    {
        var (name, args) = WorldEventCallIn.From(new WorldEvent(WorldEventKind.UnitDestroyed, 5, 123, 4, 2));
        Assert.Equal("UnitDestroyed", name);
        Assert.Equal(new object?[] { 123, 4, 2, null, null, null }, args);
    }

    [Fact]
    public void UnitGiven_lists_the_new_team_before_the_old_one()
    {
        var (_, args) = WorldEventCallIn.From(new WorldEvent(WorldEventKind.UnitGiven, 5, 123, 4, Team: 1,
            OtherTeam: 0));
        Assert.Equal(new object?[] { 123, 4, 1, 0 }, args);
    }
}
