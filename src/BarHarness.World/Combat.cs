namespace BarHarness.World;

/// <summary>
/// Random hits, about <see cref="GameSetup.CombatIntensity"/> per unit a frame: damage that can
/// kill (with an enemy as the attacker, or none), or an EMP hit that paralyzes.
/// </summary>
internal sealed class Combat(WorldParts parts, UnitLifecycle lifecycle, Construction construction, UnitPicker picker,
    ApiHazards hazards, double intensity, SeededRandom random)
{
    private readonly UnitTable units = parts.Units;

    public void Step()
    {
        var expected = units.Count * intensity;
        var hits = (int)expected + (random.Chance(expected - Math.Floor(expected)) ? 1 : 0);
        for (var h = 0; h < hits && units.Count > 0; h++)
        {
            var victim = picker.PickRandomUnit(random, null);
            var vs = units.SlotOf[victim];
            var damage = units.MaxHealth[vs] * (float)random.NextDouble(0.05, 0.45);
            if (random.Chance(0.05))
            {
                if (units.Paralyze[vs] <= 0)
                {
                    construction.ParalysisStarted();
                }

                units.Paralyze[vs] += damage; // an EMP hit
                Damaged(vs, damage, paralyzer: true);
                continue;
            }

            units.Health[vs] -= damage;
            Damaged(vs, damage, paralyzer: false);
            if (units.Health[vs] <= 0 && !hazards.KeepNegativeHealthUnitsAlive)
            {
                lifecycle.Destroy(victim, picker.PickAttackerFor(random, victim));
            }
        }
    }

    /// <summary>UnitDamaged reaches the local LuaUI for units it has in LOS (its own included).</summary>
    private void Damaged(int s, float damage, bool paralyzer)
    {
        if (parts.View.IsInLos(s))
        {
            parts.Events.Enqueue(new WorldEvent(WorldEventKind.UnitDamaged, parts.Clock.Frame, units.IdAt[s],
                units.DefId[s], units.Team[s], Amount: damage, Flag: paralyzer));
        }
    }
}
