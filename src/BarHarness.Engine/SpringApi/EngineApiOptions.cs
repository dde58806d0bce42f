namespace BarHarness.Engine.SpringApi;

/// <summary>How the Spring API behaves beyond what the world decides.</summary>
public sealed record EngineApiOptions
{
    public TimerMode TimerMode { get; init; } = TimerMode.Virtual;

    public VirtualTimerCostModel TimerCosts { get; init; } = VirtualTimerCostModel.Lua51;

    /// <summary>
    /// A <see cref="TimerMode.Cpu"/> run's readings to give the widget again, in order (another run's
    /// <see cref="EngineApiContext.TimerReadings"/>); null records fresh ones.
    /// </summary>
    public IReadOnlyList<long>? ReplayedTimerReadings { get; init; }

    /// <summary>Folder mapped to VFS "LuaUI/Widgets/" (the widget's own folder); null = no files.</summary>
    public string? WidgetFolder { get; init; }

    /// <summary>Extra VFS mounts: VFS prefix (e.g. "LuaUI/Configs/") to a local folder.</summary>
    public IReadOnlyDictionary<string, string> ExtraMounts { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// A partial BAR game tree mounted at the VFS root, searched after the widget's folder and the extra
    /// mounts (default: the CLI's <c>--game</c> folder, <see cref="GameTreeMount.Folder"/>); null = none.
    /// </summary>
    public string? GameFolder { get; init; } = GameTreeMount.Folder;

    public int ViewSizeX { get; init; } = 1920;

    public int ViewSizeY { get; init; } = 1080;

    public string GameName { get; init; } = "Beyond All Reason";

    public string GameVersion { get; init; } = "test-27000-synthetic";

    public string MapName { get; init; } = "Synthetic Glacier 1.0";

    /// <summary>Engine.version as BAR reports it (a Recoil release string).</summary>
    public string EngineVersion { get; init; } = "2025.04.10";

    /// <summary>
    /// Installs stand-ins for BAR globals widgets reach for (BarStandIns.lua: GameCMD, Spring.I18N,
    /// WG.FlowUI, WG.fonts, string.formatSI, math.isInRect, table.copy, ...). On by default.
    /// </summary>
    public bool BarStandIns { get; init; } = true;
}
