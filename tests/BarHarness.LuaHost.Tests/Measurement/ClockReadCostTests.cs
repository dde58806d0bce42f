using BarHarness.LuaHost.Measurement;

namespace BarHarness.LuaHost.Tests.Measurement;

/// <summary>
/// A call-in is timed between two readings of the thread CPU clock, so its window holds one reading's
/// cost: the harness's measurement, which a widget in BAR never pays. It is measured once and taken out.
/// </summary>
public sealed class ClockReadCostTests
{
    [Fact]
    public void A_reading_costs_something_and_less_than_a_frame_budget()
    {
        // A wall clock fallback may read in less than its resolution (0); a thread CPU clock never does.
        Assert.InRange(ThreadCpuClock.ReadCostNanos, ThreadCpuClock.IsThreadCpuTime ? 1 : 0, 100_000);
    }

    [Fact]
    public void Every_call_in_has_one_clock_reading_taken_out_as_harness_time()
    {
        var folder = Directory.CreateTempSubdirectory("bh-clock-");
        using var runtime = new LuaRuntime();
        var path = Path.Combine(folder.FullName, "empty.lua");
        File.WriteAllText(path, """
            function widget:GetInfo() return { name = 'empty', layer = 0, enabled = true } end
            function widget:UnitDestroyed(unitID) end
            """);
        var host = new WidgetHost(runtime);
        Assert.True(host.Load(path).IsLoaded);
        folder.Delete(recursive: true);

        for (var i = 0; i < 200; i++)
        {
            var sample = host.CallIn("UnitDestroyed", i);
            Assert.True(
                sample.InstrumentationNanos >= Math.Min(sample.CpuNanos, ThreadCpuClock.ReadCostNanos),
                $"call {i}: {sample.InstrumentationNanos} ns taken out of {sample.CpuNanos} ns, "
                    + $"a clock reading costs {ThreadCpuClock.ReadCostNanos} ns");
            Assert.InRange(sample.InstrumentationNanos, 0, sample.CpuNanos);
        }
    }
}
