namespace BarHarness.Scenarios.Shrinking;

/// <summary>One smaller variant of a scenario and what was taken away.</summary>
public sealed record ShrinkCandidate(string Step, ScenarioDefinition Scenario);

/// <summary>
/// The reductions <c>barharness shrink</c> tries, biggest saving first: half the units, half the
/// duration (everything scheduled after the new end dropped, windows cut at it), then each fault and
/// each game event left out in turn. Every candidate is a valid scenario (times inside the duration).
/// </summary>
public static class ShrinkCandidates
{
    /// <summary>Below this a scenario is too short for a widget to connect and send (a few game seconds).</summary>
    public const double MinimumDurationSeconds = 1;

    public static IEnumerable<ShrinkCandidate> For(ScenarioDefinition s)
    {
        // Big steps first; when halving loses the failure, a quarter off may still keep it.
        foreach (var factor in ScaleFactors)
        {
            if (ScaleUnits(s, factor) is { } fewerUnits)
            {
                yield return new ShrinkCandidate(
                    $"units x{factor} (peak bound {s.Units.PeakBound} -> {fewerUnits.Units.PeakBound})",
                    fewerUnits);
            }
        }

        foreach (var factor in ScaleFactors)
        {
            var seconds =
                Math.Round(s.DurationSeconds * factor * ScenarioDefinition.FramesPerSecond)
                / ScenarioDefinition.FramesPerSecond;
            if (seconds >= MinimumDurationSeconds && seconds < s.DurationSeconds)
            {
                yield return new ShrinkCandidate(
                    $"duration x{factor} ({s.DurationSeconds:0.###} s -> {seconds:0.###} s)",
                    Shorten(s, seconds));
            }
        }

        for (var i = 0; i < s.Faults.Count; i++)
        {
            yield return new ShrinkCandidate(
                $"fault {s.Faults[i].Name} at {s.Faults[i].AtSeconds:0.###} s dropped",
                s with { Faults = Without(s.Faults, i) });
        }

        for (var i = 0; i < s.Events.Count; i++)
        {
            yield return new ShrinkCandidate(
                $"event {s.Events[i].Action} at {s.Events[i].AtSeconds:0.###} s dropped",
                s with { Events = Without(s.Events, i) });
        }
    }

    private static readonly double[] ScaleFactors = [0.5, 0.75];

    /// <summary>
    /// Every unit count scaled by <paramref name="factor"/> (initial, ramp targets, waves, mass changes, churn,
    /// transfers); null when that saves nothing.
    /// </summary>
    public static ScenarioDefinition? ScaleUnits(ScenarioDefinition s, double factor)
    {
        int Scaled(int n) => (int)(n * factor);
        var u = s.Units;
        var halved = u with
        {
            Initial = Scaled(u.Initial),
            Ramps = u.Ramps.Select(r => r with { To = Scaled(r.To) }).ToList(),
            Waves = u.Waves.Select(w => w with { Count = Scaled(w.Count) }).Where(w => w.Count > 0).ToList(),
            MassSpawns = u.MassSpawns.Select(m => m with { Count = Scaled(m.Count) }).Where(m => m.Count > 0).ToList(),
            MassDestroys = u.MassDestroys
                .Select(m => m with { Count = Scaled(m.Count) }).Where(m => m.Count > 0).ToList(),
            Transfers = u.Transfers.Select(t => t with { Count = Scaled(t.Count) }).Where(t => t.Count > 0).ToList(),
            ChurnPerSecond = u.ChurnPerSecond * factor,
        };
        return halved.PeakBound < u.PeakBound ? s with { Units = halved } : null;
    }

    /// <summary>
    /// The scenario cut to <paramref name="seconds"/>: later events, faults and unit changes dropped, windows and ramps
    /// ending at the new end.
    /// </summary>
    public static ScenarioDefinition Shorten(ScenarioDefinition s, double seconds)
    {
        bool Inside(double at) => at < seconds;
        var u = s.Units;
        return s with
        {
            DurationSeconds = seconds,
            Events = s.Events.Where(e => Inside(e.AtSeconds)).ToList(),
            Faults = s.Faults
                .Where(f => Inside(f.AtSeconds))
                .Select(f => f.EndSeconds is { } end && end > seconds ? f with { EndSeconds = seconds } : f).ToList(),
            Units = u with
            {
                Ramps = u.Ramps
                    .Where(r => Inside(r.AtSeconds))
                    .Select(r =>
                        r.AtSeconds + r.OverSeconds > seconds ? r with { OverSeconds = seconds - r.AtSeconds } : r)
                    .ToList(),
                Waves = u.Waves.Where(w => Inside(w.AtSeconds)).ToList(),
                MassSpawns = u.MassSpawns.Where(m => Inside(m.AtSeconds)).ToList(),
                MassDestroys = u.MassDestroys.Where(m => Inside(m.AtSeconds)).ToList(),
                Transfers = u.Transfers.Where(t => Inside(t.AtSeconds)).ToList(),
            },
        };
    }

    private static List<T> Without<T>(IReadOnlyList<T> items, int index) => items.Where((_, i) => i != index).ToList();
}
