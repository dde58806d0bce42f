namespace BarHarness.Scenarios.Tests.Running;

/// <summary>Plays a scenario with a throwaway widget whose GameFrame runs the given Lua body.</summary>
internal static class FrameBodyWidget
{
    public static ScenarioResult Play(string scenarioYaml, string frameBody, bool uninstrumented = false)
    {
        using var folder = new TemporaryFolder();
        var widget = folder.Write(
            "frame_body_widget.lua",
            "function widget:GetInfo() return { name = 'frame body', layer = 0, enabled = true } end\n"
                + $"function widget:GameFrame(n) {frameBody} end\n");
        var scenario = new LoadedScenario("(test)", ScenarioLoader.Parse(scenarioYaml, "(test)"));
        var options = new RunOptions
        {
            RepoRoot = RepositoryFiles.Root,
            WidgetOverride = widget,
            Uninstrumented = uninstrumented,
        };
        return Simulation.Play(scenario, options).Result;
    }
}
