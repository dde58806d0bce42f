namespace BarHarness.Scenarios.Tests.Probes;

/// <summary>A scenario result with only its identity set, for tests that fill in the rest.</summary>
internal static class BareResult
{
    public static ScenarioResult Of(ScenarioOutcome outcome) => new()
    {
        Name = "x",
        File = "x.yaml",
        Seed = 1,
        WidgetPath = "w.lua",
        WidgetSha256 = string.Empty,
        DurationGameSeconds = 0,
        Outcome = outcome,
        ReproduceCommand = string.Empty,
    };
}
