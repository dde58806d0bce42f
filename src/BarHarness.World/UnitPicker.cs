namespace BarHarness.World;

/// <summary>Draws units at random (of any team, of a team, of or against an ally team) from a given stream.</summary>
internal sealed class UnitPicker(UnitTable units, int[] unitsPerTeam, UnitDefStats defs)
{
    public int PickRandomUnit(SeededRandom random, int? teamId)
    {
        var ids = units.AliveIds;
        if (ids.Length == 0)
        {
            return 0;
        }

        if (teamId is null)
        {
            return ids[random.Next(0, ids.Length)];
        }

        if (unitsPerTeam[teamId.Value] == 0)
        {
            return 0;
        }

        var nth = random.Next(0, unitsPerTeam[teamId.Value]);
        for (var s = 0; s < ids.Length; s++)
        {
            if (units.Team[s] == teamId && nth-- == 0)
            {
                return ids[s];
            }
        }

        return 0;
    }

    public int PickRandomUnitOfAlly(SeededRandom random, int allyTeam, bool sameAlly, bool mobileOnly = false)
    {
        var ids = units.AliveIds;
        if (ids.Length == 0)
        {
            return 0;
        }

        var start = random.Next(0, ids.Length);
        for (var k = 0; k < ids.Length; k++)
        {
            var s = (start + k) % ids.Length;
            var sideMatches = (units.AllyTeam[s] == allyTeam) == sameAlly;
            if (sideMatches && (!mobileOnly || defs.SpeedPerFrame[units.DefId[s]] > 0))
            {
                return ids[s];
            }
        }

        return 0;
    }

    /// <summary>
    /// An enemy of the victim as its killer; a third of deaths have none (self-destruct, unseen shooter).
    /// </summary>
    public int PickAttackerFor(SeededRandom random, int victim)
    {
        if (random.Chance(0.33))
        {
            return 0;
        }

        return PickRandomUnitOfAlly(random, units.AllyTeam[units.SlotOf[victim]], sameAlly: false);
    }
}
