namespace BarHarness.Scenarios.Definition;

/// <summary>Which widget file runs and what its <c>SetConfigData</c> receives before <c>Initialize</c>.</summary>
/// <param name="Path">Absolute path of the widget's main Lua file.</param>
/// <param name="IsDefault">True when the scenario named no widget and the bundled one was chosen.</param>
/// <param name="Config">The config table, or null to skip <c>SetConfigData</c> (as BAR does on first run).</param>
public sealed record WidgetSpec(string Path, bool IsDefault, ConfigMap? Config)
{
    /// <summary>The bundled widget, relative to the repository root.</summary>
    public const string DefaultRelativePath = "widget/export_livedata.lua";
}
