using BarHarness.Reports.Model;

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
    public static (LeakVerdict Verdict, string Reason) Decide(SlopeEstimate? slope, double allowedBytesPerMinute)
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

        return (LeakVerdict.Inconclusive, $"{interval} straddles the allowed {bound}");
    }
}
