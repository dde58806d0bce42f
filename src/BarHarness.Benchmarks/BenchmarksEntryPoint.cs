using BenchmarkDotNet.Running;

namespace BarHarness.Benchmarks;

/// <summary>
/// dotnet run -c Release --project src/BarHarness.Benchmarks -- --filter '*'
/// (or a class: '*EngineApiCall*', '*EngineFrame*', '*SimulationThroughput*').
/// </summary>
public static class BenchmarksEntryPoint
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarksEntryPoint).Assembly).Run(args);
}
