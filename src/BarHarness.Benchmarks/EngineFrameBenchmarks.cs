using BarHarness.World;

namespace BarHarness.Benchmarks;

/// <summary>Engine world update per sim frame (units moving, LOS refresh, economy), measured apart from any
/// widget.</summary>
[MemoryDiagnoser]
public class EngineFrameBenchmarks
{
    private const int FramesPerInvoke = 24;
    private SyntheticWorld _world = null!;

    [Params(1000, 5000)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _world = new SyntheticWorld(new GameSetup { Seed = 1, InitialUnits = Units, CombatIntensity = 0 });
        for (var i = 0; i < 300; i++)
        {
            StepFrame();
        }
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public void StepFrame()
    {
        for (var i = 0; i < FramesPerInvoke; i++)
        {
            _world.StepFrame();
            while (_world.Events.TryDequeue(out _))
            {
            }
        }
    }
}
