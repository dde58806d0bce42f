namespace BarHarness.Scenarios.Tests.Running;

/// <summary>
/// Spring.GetTimer reads, by default (<c>timer: cpu</c>), the widget's CPU time over its call-ins: the clock the
/// budget verdicts judge, C-library work included. With <c>timer: virtual</c> it reads a deterministic clock
/// priced like CPU time, and every run measures how far that clock was from the CPU time the verdicts judge
/// (<c>budget.judged.timerToCpu</c>), so a widget whose own budget logic was misled can be told so.
/// </summary>
public sealed class WidgetClockTests
{
    private const string Game = """
        {name: widget-clock, seed: 5, duration: 3s, units: {initial: 12}, timer: virtual,
         expectations: {budget: {p99_ms: 1000, after_s: 1}}}
        """;

    private const string CpuGame = """
        {name: widget-clock, seed: 5, duration: 3s, units: {initial: 12},
         expectations: {budget: {p99_ms: 1000, after_s: 1}}}
        """;

    // Copies 20 kB in C until the widget's own clock says 0.2 ms have gone: a handful of Lua instructions a copy.
    private const string SelfTimedCopies =
        "local t0 = Spring.GetTimer() repeat local s = string.rep('x', 20000) "
        + "until Spring.DiffTimers(Spring.GetTimer(), t0, true) >= 0.2";

    [Fact]
    public void Under_timer_cpu_a_widget_timing_its_c_library_work_stops_at_the_cpu_time_it_meant()
    {
        var result = FrameBodyWidget.Play(CpuGame, SelfTimedCopies);

        var p50 = result.Budget.Judged.FrameCpuMicros.P50;
        Assert.InRange(p50, 180, 400);
        Assert.Equal("cpu", result.Budget.Timer);
        Assert.True(result.Budget.TimerReadings > 90, $"{result.Budget.TimerReadings} readings");
        Assert.Null(result.Budget.Judged.TimerToCpu);
        Assert.Contains(
            "Spring.GetTimer read CPU time", result.Expectations.Single(e => e.Name == "budget.p99").Actual);
    }

    [Fact]
    public void Under_timer_cpu_the_clocks_own_system_calls_are_not_charged_to_the_widget()
    {
        // Each reading is a clock_gettime system call BAR's timer does not make; 5,000 a frame would cost
        // 5,000 times budget.clockReadNanos on their own.
        var result = FrameBodyWidget.Play(CpuGame, "for i = 1, 5000 do local t = Spring.GetTimer() end");

        var p50Nanos = result.Budget.Judged.FrameCpuMicros.P50 * 1000;
        var syscalls = 5000 * result.Budget.ClockReadNanos;
        Assert.True(p50Nanos < syscalls, $"p50 {p50Nanos:0} ns a frame, the reads alone {syscalls:0} ns");
        Assert.True(result.Budget.TimerReadings >= 5000 * 80, $"{result.Budget.TimerReadings} readings");
    }

    [Fact]
    public void Under_timer_virtual_the_same_widget_overspends_because_its_clock_cannot_see_the_copies()
    {
        var result = FrameBodyWidget.Play(Game, SelfTimedCopies);

        Assert.True(result.Budget.Judged.FrameCpuMicros.P50 > 1000,
            $"p50 {result.Budget.Judged.FrameCpuMicros.P50:0} µs of CPU time for 0.2 ms on the widget's clock");
        Assert.Equal("virtual", result.Budget.Timer);
        Assert.Equal(0, result.Budget.TimerReadings);
    }

    [Fact]
    public void C_library_work_is_invisible_to_the_widgets_clock_and_the_report_says_so()
    {
        // Milliseconds of CPU time a frame in table.sort, a few hundred Lua instructions: the virtual clock
        // reads almost nothing of it.
        var sorts = Play("local t = {} for i = 1, 20000 do t[i] = (i * 7919) % 20011 end table.sort(t)");
        var lua = Play("local s = 0 for i = 1, 20000 do s = s + i * 0.5 end");

        var sortsRatio = Assert.NotNull(sorts.Budget.Judged.TimerToCpu);
        var luaRatio = Assert.NotNull(lua.Budget.Judged.TimerToCpu);
        Assert.True(sortsRatio < 0.2, $"a sorting widget's clock read {sortsRatio:0.00}x its CPU time");
        Assert.True(luaRatio > 0.2, $"a Lua loop widget's clock read {luaRatio:0.00}x its CPU time");
        Assert.True(luaRatio > 5 * sortsRatio);
        Assert.Contains("Spring.GetTimer read", lua.Expectations.Single(e => e.Name == "budget.p99").Actual);
        Assert.All(lua.Budget.UnitBuckets, b => Assert.NotNull(b.TimerToCpu));
    }

    [Fact]
    public void A_widget_reading_the_machines_clock_has_no_ratio_to_report()
    {
        var result = Play("local s = 0 for i = 1, 2000 do s = s + i end", uninstrumented: true);

        Assert.Null(result.Budget.Judged.TimerToCpu);
        Assert.DoesNotContain("Spring.GetTimer", result.Expectations.Single(e => e.Name == "budget.p99").Actual);
    }

    private static ScenarioResult Play(string frameBody, bool uninstrumented = false) =>
        FrameBodyWidget.Play(Game, frameBody, uninstrumented);
}
