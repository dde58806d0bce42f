namespace BarHarness.LuaHost.Tests.Measurement;

/// <summary>
/// Recoil stops a Lua state's collector outside its own collection pass; with
/// <see cref="LuaRuntimeOptions.CollectBetweenCallIns"/> the harness does the same, so no collection step
/// lands in a widget's call-in, and the pass between call-ins keeps the heap bounded.
/// </summary>
public sealed class CollectorScheduleTests
{
    // About 400 KB of garbage: 4000 short-lived tables.
    private const string Garbage = "local t for i = 1, 4000 do t = { i, i + 1, i + 2 } end";

    [Fact]
    public void Garbage_made_in_a_call_stays_until_the_step_between_calls_collects_it()
    {
        using var runtime = new LuaRuntime(new LuaRuntimeOptions { CollectBetweenCallIns = true });
        runtime.CollectAndMeasureHeap();
        var before = runtime.HeapBytes;

        for (var i = 0; i < 50; i++)
        {
            runtime.RunGlue(Garbage, "=garbage");
        }

        var grown = runtime.HeapBytes - before;
        Assert.True(grown > 5_000_000, $"the heap grew {grown} bytes: a collection step ran inside the calls");

        for (var i = 0; i < 200; i++)
        {
            runtime.StepCollector();
        }

        Assert.True(runtime.HeapBytes - before < grown / 4, $"{runtime.HeapBytes - before} bytes left of {grown}");
    }

    [Fact]
    public void A_step_after_every_call_keeps_the_heap_bounded_over_many_calls()
    {
        using var runtime = new LuaRuntime(new LuaRuntimeOptions { CollectBetweenCallIns = true });
        runtime.CollectAndMeasureHeap();
        var before = runtime.HeapBytes;
        long peak = 0;

        for (var i = 0; i < 500; i++) // 200 MB of garbage in all
        {
            runtime.RunGlue(Garbage, "=garbage");
            peak = Math.Max(peak, runtime.HeapBytes - before);
            runtime.StepCollector();
        }

        Assert.True(peak < 20_000_000, $"the heap peaked {peak} bytes above its start");
    }
}
