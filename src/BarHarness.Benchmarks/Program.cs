using BenchmarkDotNet.Running;

namespace BarHarness.Benchmarks;

/// <summary>
/// dotnet run -c Release --project src/BarHarness.Benchmarks -- --filter '*'
/// (or a class: '*EngineApiCall*', '*EngineFrame*', '*SimulationThroughput*').
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
