using BarHarness.Scenarios.Definition;
using BarHarness.Scenarios.Running;

namespace BarHarness.Benchmarks;

/// <summary>
/// Whole-harness throughput: sim frames per second of a 1000-unit game with an empty widget (the
/// harness's own cost per frame: world, call-ins, network, oracle), and with the bundled widget.
/// </summary>
public class SimulationThroughputBenchmarks
{
    private const int Seconds = 20;
    private string _root = null!;
    private string _emptyWidget = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = FindRoot();
        _emptyWidget = Path.Combine(Path.GetTempPath(), "barharness-empty-widget.lua");
        File.WriteAllText(
            _emptyWidget,
            "function widget:GetInfo() return { name = 'empty', layer = 0, enabled = true } end\n"
                + "function widget:GameFrame(n) end\n");
    }

    [Benchmark(OperationsPerInvoke = Seconds * 30)]
    public void EmptyWidget1000Units() => Run(_emptyWidget);

    [Benchmark(OperationsPerInvoke = Seconds * 30)]
    public void BundledWidget1000Units() => Run(Path.Combine(_root, "widget", "export_livedata.lua"));

    private void Run(string widget)
    {
        var yaml = $"name: throughput\nseed: 1\nduration: {Seconds}s\n"
            + "units:\n  initial: 1000\nexpectations:\n  no_lua_errors: true\n";
        var scenario = new LoadedScenario("(bench)", ScenarioLoader.Parse(yaml, "(bench)"));
        Simulation.Play(
            scenario,
            new RunOptions { RepoRoot = _root, WidgetOverride = widget, ProfileFunctions = false });
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BarHarness.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
