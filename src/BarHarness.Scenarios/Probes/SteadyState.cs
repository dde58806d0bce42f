namespace BarHarness.Scenarios.Probes;

/// <summary>
/// When a run's steady state begins, for the leak fit and the retained-object census: the memory
/// expectation's <c>after_s</c> when it has one, otherwise a quarter of the widget's time in the game
/// (at most 60 s) after the widget loaded, so a widget loaded mid-game is not judged on its filling up.
/// </summary>
internal static class SteadyState
{
    public static double StartSeconds(ScenarioDefinition def, double? widgetLoadedAtSeconds)
    {
        if (def.Expectations.Memory?.AfterSeconds is { } after)
        {
            return after;
        }

        var loaded = widgetLoadedAtSeconds ?? 0;
        return loaded + Math.Min(60, Math.Max(0, def.DurationSeconds - loaded) / 4);
    }
}
