namespace BarHarness.LuaHost.Tests;

public sealed class RetainedCensusTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bh-census-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private const string Leaky = """
        function widget:GetInfo() return { name = 'leaky', layer = 0, enabled = true } end
        local history = {}
        local small = { 1, 2, 3 }
        cache = {}
        function widget:GameFrame(n)
          history[#history + 1] = { frame = n, note = "frame " .. n }
          cache[n % 10] = small
          WG.leakyShared = small
          local defs = UnitDefs
        end
        """;

    private static IReadOnlyList<RetainedRoot> CensusAfter(string path, int frames)
    {
        using var runtime = new LuaRuntime();
        var host = new WidgetHost(runtime);
        Assert.True(host.Load(path).IsLoaded);
        for (var f = 1; f <= frames; f++)
        {
            host.CallIn("GameFrame", f);
        }

        return host.RetainedCensus();
    }

    [Fact]
    public void The_census_names_the_upvalue_that_grows_and_counts_shared_objects_once()
    {
        var path = Path.Combine(_dir, "leaky.lua");
        File.WriteAllText(path, Leaky);

        var early = CensusAfter(path, 10);
        var late = CensusAfter(path, 400);

        var history = late.Single(r => r.Path.StartsWith("history (upvalue of", StringComparison.Ordinal));
        Assert.Equal("history (upvalue of LuaUI/Widgets/leaky.lua:5 GameFrame)", history.Path);
        Assert.Equal("table (400 entries)", history.Description);
        var grown = history.Bytes - early.Single(r => r.Path == history.Path).Bytes;
        Assert.True(grown > 390 * 100, $"history grew by {grown} bytes over 390 frames");
        Assert.True(history.Bytes > 10 * late.Where(r => r != history).Sum(r => r.Bytes), string.Join("; ", late));

        // `small` is reached from an upvalue, the `cache` global and WG: counted under one root only.
        var holdersOfSmall = late.Where(r => r.Path is "leaky.cache" or "WG.leakyShared"
            || r.Path.StartsWith("small ", StringComparison.Ordinal));
        Assert.Equal(1, holdersOfSmall.Count(r => r.Objects > 0
            && r.Description.StartsWith("table (3", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_census_runs_off_the_widgets_clock()
    {
        var path = Path.Combine(_dir, "leaky.lua");
        File.WriteAllText(path, Leaky);
        using var runtime = new LuaRuntime();
        var host = new WidgetHost(runtime);
        Assert.True(host.Load(path).IsLoaded);
        for (var f = 1; f <= 300; f++)
        {
            host.CallIn("GameFrame", f);
        }

        var before = runtime.Meter.Instructions;
        Assert.NotEmpty(host.RetainedCensus()); // walks 600+ objects: thousands of instructions
        Assert.Equal(before, runtime.Meter.Instructions);
    }

    [Fact]
    public void Engine_tables_a_widget_refers_to_are_not_charged_to_it()
    {
        var path = Path.Combine(_dir, "defs.lua");
        File.WriteAllText(path, """
            function widget:GetInfo() return { name = 'defs', layer = 0, enabled = true } end
            local defs = UnitDefs
            local spring = Spring
            function widget:GameFrame(n) local _ = defs, spring end
            """);

        var census = CensusAfter(path, 1);
        Assert.DoesNotContain(census, r => r.Path.StartsWith("defs ", StringComparison.Ordinal));
        Assert.DoesNotContain(census, r => r.Path.StartsWith("spring ", StringComparison.Ordinal));
        Assert.DoesNotContain(census, r => r.Path.Contains("barharness", StringComparison.Ordinal)); // handler state
    }
}
