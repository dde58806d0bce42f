namespace BarHarness.Engine.SpringApi;

/// <summary>
/// What LuaUI sets on one unit or feature for drawing and selection (Recoil's defaults until set):
/// nothing here changes the simulation, but what a widget sets it reads back.
/// </summary>
public sealed class ObjectDrawState
{
    public bool NoDraw { get; set; }

    public bool LuaDraw { get; set; }

    public bool NoSelect { get; set; }

    public bool NoMinimap { get; set; }

    public bool NoGroup { get; set; }

    public bool AlwaysUpdateMatrix { get; set; }

    public bool DrawIcon { get; set; } = true;

    public bool AllowFade { get; set; } = true;

    /// <summary>Recoil's engine draw mask, all bits set by default.</summary>
    public int EngineDrawMask { get; set; } = 255;

    /// <summary>Custom team palette index (-1: none).</summary>
    public int PaletteIndex { get; set; } = -1;

    /// <summary>Icon set with SetUnitIcon (null: the unit def's icon).</summary>
    public string? Icon { get; set; }

    /// <summary>Selection volume set by LuaUI (null: the object's default).</summary>
    public double[]? SelectionVolume { get; set; }
}

/// <summary>Draw and selection state per unit and per feature (ids are separate spaces in Recoil).</summary>
public sealed class ObjectDrawStates
{
    private static readonly ObjectDrawState Defaults = new();
    private readonly Dictionary<int, ObjectDrawState> _units = new();
    private readonly Dictionary<int, ObjectDrawState> _features = new();

    public ObjectDrawState Unit(int unitId) => _units.GetValueOrDefault(unitId, Defaults);

    public ObjectDrawState Feature(int featureId) => _features.GetValueOrDefault(featureId, Defaults);

    public ObjectDrawState UnitForWrite(int unitId) => ForWrite(_units, unitId);

    public ObjectDrawState FeatureForWrite(int featureId) => ForWrite(_features, featureId);

    /// <summary>Forgets a unit's state (a dead unit's id may be handed out again).</summary>
    public void ForgetUnit(int unitId) => _units.Remove(unitId);

    private static ObjectDrawState ForWrite(Dictionary<int, ObjectDrawState> map, int id)
    {
        if (!map.TryGetValue(id, out var state))
        {
            state = new ObjectDrawState();
            map[id] = state;
        }

        return state;
    }
}
