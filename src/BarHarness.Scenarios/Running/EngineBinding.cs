using BarHarness.Engine.Coverage;
using EngineTimerMode = BarHarness.Engine.SpringApi.TimerMode;

namespace BarHarness.Scenarios.Running;

/// <summary>Installs the synthetic engine's Spring API (and Game, gl, VFS...) into a widget VM.</summary>
internal static class EngineBinding
{
    // recoil-api.tsv (shared beside the repo) lets calls to engine functions we do not implement be
    // reported by name; parsed once per process.
    private static readonly Lazy<RecoilApiCatalog?> Catalog = new(() =>
        RecoilApiCatalog.LocateDefault() is { } path ? RecoilApiCatalog.Load(path) : null);

    public static EngineApiContext Install(
        LuaRuntime runtime,
        SyntheticWorld world,
        SimClock clock,
        ScenarioDefinition def,
        string widgetPath,
        RunOptions run)
    {
        var options = new EngineApiOptions
        {
            // An uninstrumented run measures real time only, and so does its widget's clock.
            TimerMode = run.Uninstrumented ? EngineTimerMode.Real : def.Timer,
            ReplayedTimerReadings = run.ReplayedTimerReadings,
            // Spring.GetTimer's virtual clock prices instructions and engine calls as CPU time costs them on
            // this VM (never allocations: their sizes depend on heap layout, which a replay does not reproduce).
            TimerCosts = VirtualTimerCostModel.For(runtime.Vm),
            WidgetFolder = Path.GetDirectoryName(Path.GetFullPath(widgetPath)),
        };
        return SpringApiInstaller.Install(runtime, world, options, Catalog.Value, clock);
    }
}
