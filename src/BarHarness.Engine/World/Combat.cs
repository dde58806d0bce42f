using BarHarness.Core.Randomness;

namespace BarHarness.Engine.World;

/// <summary>
/// Random hits, about <see cref="GameSetup.CombatIntensity"/> per unit a frame: damage that can
/// kill (with an enemy as the attacker, or none), or an EMP hit that paralyzes.
/// </summary>
internal sealed class Combat(UnitTable units, UnitLifecycle lifecycle, Construction construction, UnitPicker picker,
    ApiHazards hazards, double intensity, SeededRandom random)
{
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
                continue;
            }

            units.Health[vs] -= damage;
            if (units.Health[vs] <= 0 && !hazards.KeepNegativeHealthUnitsAlive)
            {
                lifecycle.Destroy(victim, picker.PickAttackerFor(random, victim));
            }
        }
    }
}
