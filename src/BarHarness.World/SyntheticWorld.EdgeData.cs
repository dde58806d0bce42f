namespace BarHarness.World;

/// <summary>Edge data a scenario can ask for: values a widget must survive without crashing.</summary>
public sealed partial class SyntheticWorld
{
    /// <summary>Gives up to <paramref name="count"/> units NaN or ±Inf coordinates (they stop moving).</summary>
    public int InjectNonFinitePositions(int count) => ForRandomUnits(count, s =>
    {
        var value = _edgeRandom.Next(0, 3) switch
        {
            0 => float.NaN,
            1 => float.PositiveInfinity,
            _ => float.NegativeInfinity,
        };
        Units.X[s] = value;
        Units.Y[s] = _edgeRandom.Chance(0.5) ? float.NaN : Units.Y[s];
        Units.Z[s] = _edgeRandom.Chance(0.5) ? value : Units.Z[s];
        Units.VX[s] = Units.VY[s] = Units.VZ[s] = 0;
        Units.FramesToTarget[s] = int.MaxValue;
    });

    /// <summary>Sets negative health on up to <paramref name="count"/> units, which then stay alive.</summary>
    public int InjectNegativeHealth(int count)
    {
        Hazards.KeepNegativeHealthUnitsAlive = true;
        return ForRandomUnits(count, s =>
            Units.Health[s] = -Units.MaxHealth[s] * (float)_edgeRandom.NextDouble(0.01, 2));
    }

    /// <summary>Moves up to <paramref name="count"/> units to coordinates outside the map, where they stay.</summary>
    public int MoveUnitsBeyondMap(int count)
    {
        Hazards.KeepUnitsBeyondMap = true;
        return ForRandomUnits(count, s =>
        {
            var margin = (float)_edgeRandom.NextDouble(200, 20000);
            Units.X[s] = _edgeRandom.Chance(0.5) ? -margin : MapSizeX + margin;
            Units.Z[s] = _edgeRandom.Chance(0.5) ? -margin : MapSizeZ + margin;
            Units.FramesToTarget[s] = _defs.SpeedPerFrame[Units.DefId[s]] > 0 ? 0 : int.MaxValue;
        });
    }

    /// <summary>Gives every team (or one) a stock and storage far beyond float32's exact range.</summary>
    public void GiveHugeResources(int? teamId = null, double value = 1e15)
    {
        for (var t = 0; t < Roster.Teams.Count; t++)
        {
            if (teamId is null || teamId == t)
            {
                Economy.SetHuge(t, value);
            }
        }
    }

    /// <summary>Renames every player with Unicode-heavy names (quotes, emoji, CJK, zero-width).</summary>
    public void UseUnicodePlayerNames() => Roster = Roster.WithUnicodeNames(_edgeRandom);

    /// <summary>Called by the engine API after it handed a unit list to Lua; applies the list hazard.</summary>
    internal void OnUnitListServed(ReadOnlySpan<int> servedIds)
    {
        if (!Hazards.DestroyUnitAfterUnitList || servedIds.IsEmpty)
        {
            return;
        }

        Destroy(servedIds[_edgeRandom.Next(0, servedIds.Length)], 0);
    }

    /// <summary>
    /// Changes up to <paramref name="count"/> units drawn from the edge-data random stream (one may be drawn
    /// twice); returns how many changes were made.
    /// </summary>
    private int ForRandomUnits(int count, Action<int> change)
    {
        var done = 0;
        for (var i = 0; i < count && Units.Count > 0; i++)
        {
            change(Units.SlotOf[_picker.PickRandomUnit(_edgeRandom, null)]);
            done++;
        }

        return done;
    }
}
