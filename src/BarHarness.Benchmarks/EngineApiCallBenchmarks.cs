using BarHarness.Engine.SpringApi;
using BarHarness.LuaHost.Runtime;
using BarHarness.World;

namespace BarHarness.Benchmarks;

/// <summary>
/// The cost of Spring.GetUnitPosition called from Lua against a plain Lua function returning three
/// numbers (the ratio is the harness's overhead per engine call), and the empty loop both include.
/// </summary>
[MemoryDiagnoser]
public class EngineApiCallBenchmarks
{
    private const int CallsPerInvoke = 100_000;
    private LuaRuntime _runtime = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runtime = new LuaRuntime();
        var world = new SyntheticWorld(new GameSetup { Seed = 1, InitialUnits = 1000, CombatIntensity = 0 });
        SpringApiInstaller.Install(_runtime, world);
        var own = world.AllUnitIds().First(id => world.TrueTeamOf(id) == world.LocalTeamId);
        _runtime.RunGlue(
            "local H = ... local S = H.System local f = load([[ local spGetUnitPosition = Spring.GetUnitPosition "
                + "local function plain(u) return 1.5, 2.5, 3.5 end "
                + $"local u = {own} "
                + $"function BenchEngine() for i = 1, {CallsPerInvoke} do local x, y, z = spGetUnitPosition(u) end end "
                + $"function BenchPlain() for i = 1, {CallsPerInvoke} do local x, y, z = plain(u) end end "
                + $"function BenchLoop() for i = 1, {CallsPerInvoke} do end end "
                + "]], '=bench', 't', S) f() "
                + "H.BenchEngine, H.BenchPlain, H.BenchLoop = S.BenchEngine, S.BenchPlain, S.BenchLoop",
            "=bench-setup");
    }

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public void SpringGetUnitPosition() => _runtime.RunGlue("local H = ... H.BenchEngine()", "=bench-engine");

    [Benchmark(Baseline = true, OperationsPerInvoke = CallsPerInvoke)]
    public void PlainLuaFunctionReturningThreeNumbers() =>
        _runtime.RunGlue("local H = ... H.BenchPlain()", "=bench-plain");

    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public void EmptyLuaLoop() => _runtime.RunGlue("local H = ... H.BenchLoop()", "=bench-loop");
}
