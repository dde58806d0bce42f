namespace BarHarness.World;

/// <summary>What a scenario (or a test) does to the world between frames.</summary>
public sealed partial class SyntheticWorld
{
    /// <summary>Spawns up to <paramref name="count"/> units of a team (random types unless given).</summary>
    public int Spawn(int teamId, int count, int? unitDefId = null, bool complete = true) =>
        _lifecycle.Spawn(teamId, count, unitDefId, complete);

    /// <summary>Spawns units spread round-robin over the playing teams (not Gaia).</summary>
    public int SpawnAcrossTeams(int count, bool complete = true) => _lifecycle.SpawnAcrossTeams(count, complete);

    /// <summary>Destroys up to <paramref name="count"/> random units (optionally of one team).</summary>
    public int DestroyRandom(int count, int? teamId = null) => _lifecycle.DestroyRandom(count, teamId);

    /// <summary>Destroys one unit now; <paramref name="attackerId"/> 0 means no attacker.</summary>
    public bool Destroy(int unitId, int attackerId = 0) => _lifecycle.Destroy(unitId, attackerId);

    /// <summary>Gives a unit to another team (UnitTaken for the old side, then UnitGiven for the new).</summary>
    public bool Transfer(int unitId, int newTeamId) => _lifecycle.Transfer(unitId, newTeamId);

    /// <summary>Transfers up to <paramref name="count"/> random units of one team to another.</summary>
    public int TransferRandom(int count, int fromTeamId, int toTeamId) =>
        _lifecycle.TransferRandom(count, fromTeamId, toTeamId);

    /// <summary>
    /// Ramps the live unit count towards <paramref name="target"/>, at most
    /// <paramref name="maxChangePerFrame"/> a frame.
    /// </summary>
    public void SetUnitCountTarget(int? target, int maxChangePerFrame = 50) =>
        _timeline.SetTarget(target, maxChangePerFrame);

    /// <summary>Steady turnover: units born and killed every frame (fractions accumulate).</summary>
    public void SetChurn(double spawnsPerFrame, double destroysPerFrame) =>
        _timeline.SetChurn(spawnsPerFrame, destroysPerFrame);

    /// <summary>
    /// Forces a unit into or out of an ally team's LOS now (raising the call-in); the next sensor
    /// refresh of that ally team recomputes it from positions again.
    /// </summary>
    public bool ForceLosState(int unitId, int allyTeamId, bool inLos)
    {
        var s = Units.Slot(unitId);
        if (s < 0 || allyTeamId < 0 || allyTeamId >= Roster.AllyTeamCount || Units.AllyTeam[s] == allyTeamId)
        {
            return false;
        }

        _sensors.SetLos(s, allyTeamId, inLos, raiseEvents: true);
        return true;
    }

    /// <summary>
    /// Moves up to <paramref name="count"/> mobile enemy units next to units of the local ally team, so they
    /// enter its LOS at the next refresh. Buildings are never picked: nothing moves one in BAR.
    /// </summary>
    public int TeleportEnemiesIntoView(int count)
    {
        var moved = 0;
        var ally = LocalAllyTeamId;
        for (var i = 0; i < count; i++)
        {
            var anchor = _picker.PickRandomUnitOfAlly(_edgeRandom, ally, sameAlly: true);
            var enemy = _picker.PickRandomUnitOfAlly(_edgeRandom, ally, sameAlly: false, mobileOnly: true);
            if (anchor == 0 || enemy == 0)
            {
                break;
            }

            var es = Units.SlotOf[enemy];
            var az = Units.SlotOf[anchor];
            Units.X[es] = Units.X[az] + (float)_edgeRandom.NextDouble(-100, 100);
            Units.Z[es] = Units.Z[az] + (float)_edgeRandom.NextDouble(-100, 100);
            Units.FramesToTarget[es] = 0;
            moved++;
        }

        return moved;
    }

    /// <summary>Changes what the local player is (PlayerChanged in BAR); sensors are re-read at once.</summary>
    public void SetLocalView(bool spectator, bool fullView, int teamId)
    {
        if (!Roster.IsValidTeam(teamId))
        {
            throw new ArgumentOutOfRangeException(nameof(teamId), $"no team {teamId}");
        }

        _view.Set(spectator, fullView, teamId, Roster.AllyTeamOf(teamId));
    }

    public void EndGame() => Clock.EndGame();

    /// <summary>
    /// Declares a team dead as Recoil's KillTeam does: GetTeamInfo answers isDead from now on and every
    /// client hears TeamDied once. Gaia cannot die; false for Gaia, an unknown or an already dead team.
    /// </summary>
    public bool KillTeam(int teamId)
    {
        if (!Roster.IsValidTeam(teamId) || teamId == Roster.GaiaTeamId || Roster.Teams[teamId].IsDead)
        {
            return false;
        }

        Roster.Teams[teamId].IsDead = true;
        Events.Enqueue(new WorldEvent(WorldEventKind.TeamDied, Clock.Frame, 0, 0, teamId));
        return true;
    }
}
