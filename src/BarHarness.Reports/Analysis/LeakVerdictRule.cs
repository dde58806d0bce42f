namespace BarHarness.Reports.Analysis;

/// <summary>
/// Decides the leak verdict from the slope's 95 % confidence interval and the allowed growth:
/// <list type="bullet">
/// <item>Growth when the interval's lower end is above the allowed growth: even the most favourable
/// reading of the data grows faster than tolerated.</item>
/// <item>NoGrowth when the interval's upper end is at or below the allowed growth: even the least
/// favourable reading stays within tolerance.</item>
/// <item>Inconclusive otherwise (the interval straddles the bound, or there was no fit): the run was
/// too short or too noisy to tell, and says so instead of guessing.</item>
/// </list>
/// Using the interval, not the point estimate, is what keeps a noisy but clean widget from being
/// called leaky (and a slow leak from being waved through on one lucky sample).
/// </summary>
public static class LeakVerdictRule
{
    /// <param name="slope">The fitted trend, or null.</param>
    /// <param name="allowedBytesPerMinute">The tolerated growth.</param>
    /// <param name="fitSeconds">Game seconds the fit spans; when given, an inconclusive verdict says how
    /// long a run would decide.</param>
    public static (LeakVerdict Verdict, string Reason) Decide(
        SlopeEstimate? slope, double allowedBytesPerMinute, double? fitSeconds = null)
    {
        if (slope is null)
        {
            return (LeakVerdict.Inconclusive, "fewer than 3 heap samples after warm-up: no trend can be fitted");
        }

        var interval = FormattableString.Invariant($"95% CI [{slope.Low95:0.#}, {slope.High95:0.#}] B/min");
        var bound = FormattableString.Invariant($"{allowedBytesPerMinute:0.#} B/min");
        if (slope.Low95 > allowedBytesPerMinute)
        {
            return (LeakVerdict.Growth, $"{interval} lies entirely above the allowed {bound}");
        }

        if (slope.High95 <= allowedBytesPerMinute)
        {
            return (LeakVerdict.NoGrowth, $"{interval} lies at or below the allowed {bound}");
        }

        return (
            LeakVerdict.Inconclusive,
            $"{interval} straddles the allowed {bound}" + RunNeeded(slope, allowedBytesPerMinute, fitSeconds));
    }

    /// <summary>
    /// With samples evenly spread over a window of T seconds, the slope's standard error falls as T^-1.5
    /// (n grows as T, the spread of the times as T): the interval's half-width h shrinks to the distance
    /// d between the estimate and the bound once T' = T·(h/d)^(2/3), noise level unchanged.
    /// </summary>
    private static string RunNeeded(SlopeEstimate slope, double allowed, double? fitSeconds)
    {
        var distance = Math.Abs(slope.BytesPerMinute - allowed);
        var halfWidth = (slope.High95 - slope.Low95) / 2;
        if (fitSeconds is not > 0 || halfWidth <= 0)
        {
            return string.Empty;
        }

        if (distance < halfWidth / 100)
        {
            return "; the trend sits on the bound: no run length decides it at this noise";
        }

        var needed = fitSeconds.Value * Math.Pow(halfWidth / distance, 2.0 / 3.0);
        var decidingSeconds = Math.Ceiling(needed / 10) * 10;
        return FormattableString.Invariant(
            $"; at this noise about {decidingSeconds:0} game seconds of steady state would decide ")
            + FormattableString.Invariant($"(this run fitted {fitSeconds.Value:0})");
    }
}
