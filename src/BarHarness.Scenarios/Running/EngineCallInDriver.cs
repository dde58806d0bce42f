namespace BarHarness.Scenarios.Running;

/// <summary>
/// The call-ins Recoil fires on its own schedule: GamePreload after a widget loads before the game
/// starts, GameStart before the first sim frame, CommandsChanged when the selection changed, and the
/// drawing call-ins of a draw frame in Recoil's order (world passes, DrawScreenEffects, DrawScreen,
/// DrawInMiniMap, DrawScreenPost). A call-in no widget is filed under is not called at all.
/// </summary>
internal sealed class EngineCallInDriver(SyntheticWorld world, EngineApiContext engine, WidgetHost host,
    Action<string, CallInSample> measure)
{
    /// <summary>Recoil's minimap in BAR's default layout, in pixels.</summary>
    public const int MiniMapSizeX = 320;
    public const int MiniMapSizeY = 320;

    private static readonly string[] WorldPasses =
    [
        "DrawGenesis", "DrawGroundDeferred", "DrawPreDecals", "DrawWorldPreUnit", "DrawOpaqueUnitsLua",
        "DrawOpaqueFeaturesLua", "DrawUnitsPostDeferred", "DrawFeaturesPostDeferred", "DrawAlphaUnitsLua",
        "DrawAlphaFeaturesLua", "DrawWorldPreParticles", "DrawWorld",
    ];

    private readonly HandlerState _handler = new(host.Runtime);
    private int _selectionVersion;
    private bool _started;

    /// <summary>After a widget loaded: before the game starts, GamePreload follows (as LuaUI's start does).</summary>
    public void WidgetLoaded()
    {
        if (world.Frame == 0 && !_started)
        {
            Fire("GamePreload");
        }
    }

    /// <summary>Before a sim frame is stepped: GameStart precedes the first one.</summary>
    public void BeforeFrame(int nextFrame)
    {
        if (nextFrame == 1 && !_started)
        {
            _started = true;
            Fire("GameStart");
        }
    }

    /// <summary>At the start of a draw frame (before Update): CommandsChanged if the selection changed.</summary>
    public void BeginDrawFrame()
    {
        if (world.Selection.Version != _selectionVersion)
        {
            _selectionVersion = world.Selection.Version;
            Fire("CommandsChanged");
        }
    }

    /// <summary>The world passes and screen effects, between Update and DrawScreen.</summary>
    public void DrawWorld()
    {
        foreach (var pass in WorldPasses)
        {
            if (!_handler.Listens(pass))
            {
                continue;
            }

            switch (pass)
            {
                case "DrawOpaqueUnitsLua" or "DrawOpaqueFeaturesLua":
                    measure(pass, host.CallIn(pass, true, false, false));
                    break;
                case "DrawAlphaUnitsLua" or "DrawAlphaFeaturesLua":
                    measure(pass, host.CallIn(pass, false, false));
                    break;
                case "DrawWorldPreParticles":
                    // BAR notes it runs twice a draw frame (before and after water).
                    measure(pass, host.CallIn(pass));
                    measure(pass, host.CallIn(pass));
                    break;
                default:
                    measure(pass, host.CallIn(pass));
                    break;
            }
        }

        if (_handler.Listens("DrawScreenEffects"))
        {
            measure("DrawScreenEffects", host.CallIn("DrawScreenEffects", engine.ViewSize.X, engine.ViewSize.Y));
        }
    }

    /// <summary>After DrawScreen: the minimap and the post-screen pass.</summary>
    public void AfterDrawScreen()
    {
        if (_handler.Listens("DrawInMiniMap"))
        {
            measure("DrawInMiniMap", host.CallIn("DrawInMiniMap", MiniMapSizeX, MiniMapSizeY));
        }

        Fire("DrawScreenPost");
    }

    private void Fire(string callIn)
    {
        if (_handler.Listens(callIn))
        {
            measure(callIn, host.CallIn(callIn));
        }
    }
}
