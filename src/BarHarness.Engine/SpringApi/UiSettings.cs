namespace BarHarness.Engine.SpringApi;

/// <summary>
/// The local client's interface state that LuaUI reads and sets: build facing and spacing, box
/// selection by the engine, LOS view colours, minimap rotation, the last message positions, log
/// section levels, video capture. Recoil's defaults until a widget changes them.
/// </summary>
public sealed class UiSettings
{
    /// <summary>0 south, 1 east, 2 north, 3 west.</summary>
    public int BuildFacing { get; set; }

    public int BuildSpacing { get; set; }

    public bool BoxSelectionByEngine { get; set; } = true;

    public float MiniMapRotation { get; set; }

    public bool VideoCapturing { get; set; }

    /// <summary>always, LOS, radar, jam, radar2 colours (r, g, b each), Recoil's defaults.</summary>
    public double[][] LosViewColors { get; set; } =
    [
        [0.25, 0.25, 0.25], [0.15, 0.15, 0.15], [0.05, 0.05, 0.05], [0.1, 0, 0], [0, 0.1, 0],
    ];

    /// <summary>Positions set with SetLastMessagePosition, newest last (Recoil keeps ten).</summary>
    public List<(float X, float Y, float Z)> MessagePositions { get; } = new();

    /// <summary>Log sections with the level set by SetLogSectionFilterLevel.</summary>
    public SortedDictionary<string, int> LogSections { get; } = new(StringComparer.Ordinal);

    /// <summary>Resource share levels (0..1) by resource, from SetShareLevel.</summary>
    public Dictionary<string, double> ShareLevels { get; } = new(StringComparer.Ordinal)
    {
        ["metal"] = 0.99,
        ["energy"] = 0.95,
    };

    /// <summary>Unit def icon and image overrides from SetUnitDefIcon/SetUnitDefImage.</summary>
    public Dictionary<int, string> UnitDefIcons { get; } = new();
}
