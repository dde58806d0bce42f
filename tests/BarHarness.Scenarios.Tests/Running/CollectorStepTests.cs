using System.Globalization;

namespace BarHarness.Scenarios.Tests.Running;

/// <summary>
/// The Lua collector runs between call-ins, as Recoil runs it; its steps are measured per frame
/// (<c>budget.frameCollectorMicros</c>) and kept out of the widget's call-in CPU time.
/// </summary>
public sealed class CollectorStepTests
{
    private const string Game = """
        {name: collector, seed: 5, duration: 3s, units: {initial: 12},
         expectations: {budget: {p99_ms: 1000, after_s: 1, collector_mean_ms: 0.25}}}
        """;

    [Fact]
    public void A_widget_that_makes_garbage_is_followed_by_measured_collector_steps_a_quiet_one_is_not()
    {
        var garbage = Play("local t for i = 1, 20000 do t = { i, i + 1 } end");
        var quiet = Play("local s = 0 for i = 1, 20000 do s = s + i end");

        var made = garbage.Budget.FrameCollectorMicros;
        Assert.Equal(garbage.Budget.FrameCpuMicros.Count, made.Count);
        Assert.True(made.Mean > 20, $"collector {made.Mean:0.0} µs a frame after 20,000 tables a frame");
        Assert.True(
            quiet.Budget.FrameCollectorMicros.Mean * 5 < made.Mean,
            $"quiet widget {quiet.Budget.FrameCollectorMicros.Mean:0.0} µs, garbage maker {made.Mean:0.0} µs");
    }

    [Fact]
    public void A_widget_whose_garbage_costs_the_collector_too_much_fails_its_own_verdict()
    {
        // 100,000 short-lived tables a frame: several megabytes of garbage for the collector to sweep.
        var garbage = Play("local t for i = 1, 100000 do t = { i, i + 1 } end");
        var quiet = Play("local s = 0 for i = 1, 20000 do s = s + i end");

        var failed = Assert.Single(garbage.FailedExpectations);
        Assert.Equal("budget.collector_mean", failed.Name);
        Assert.Contains(quiet.Expectations, e => e.Name == "budget.collector_mean" && e.Passed);
        Assert.Equal(garbage.Budget.Judged.FrameCollectorMicros.Mean / 1000, ParseMs(failed.Actual), 3);
    }

    private static double ParseMs(string actual) =>
        double.Parse(actual[..actual.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);

    private static ScenarioResult Play(string frameBody) => FrameBodyWidget.Play(Game, frameBody);
}
