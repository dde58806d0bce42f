namespace BarHarness.Engine.SpringApi;

/// <summary>The constant tables LuaUI exposes: Game, Engine, Platform, LOG, CMD, CMDTYPE and GL.</summary>
internal static class EngineTables
{
    public static void Install(LuaRuntime runtime, SyntheticWorld world, EngineApiOptions options)
    {
        var setup = world.Setup;
        runtime.SetValue("Game", new Dictionary<string, object?>
        {
            ["version"] = options.GameVersion,
            ["gameName"] = options.GameName,
            ["gameShortName"] = "BYAR",
            ["gameVersion"] = options.GameVersion,
            ["modName"] = options.GameName + " " + options.GameVersion,
            ["mapName"] = options.MapName,
            ["mapHumanName"] = options.MapName,
            ["mapX"] = setup.MapSquaresX / 64,
            ["mapY"] = setup.MapSquaresZ / 64,
            ["mapSizeX"] = setup.MapSizeX,
            ["mapSizeZ"] = setup.MapSizeZ,
            ["squareSize"] = 8,
            ["gameSpeed"] = GameClock.FramesPerSecond,
            ["maxUnits"] = setup.MaxUnits,
            ["startPosType"] = 2,
            ["gravity"] = 120,
            ["windMin"] = 0,
            ["windMax"] = 25,
            ["tidal"] = 20,
            ["allowTeamColors"] = true,
            ["armorTypes"] = new Dictionary<string, object?> { ["default"] = 0 },
        });

        var parts = options.EngineVersion.Split('.');
        runtime.SetValue("Engine", new Dictionary<string, object?>
        {
            ["version"] = options.EngineVersion,
            ["versionFull"] = options.EngineVersion + " BarHarness synthetic",
            ["versionMajor"] = parts.ElementAtOrDefault(0) ?? "2025",
            ["versionMinor"] = parts.ElementAtOrDefault(1) ?? "0",
            ["versionPatchSet"] = parts.ElementAtOrDefault(2) ?? "0",
            ["buildFlags"] = string.Empty,
            ["isHeadless"] = false,
            ["wordSize"] = 64,
            ["textureQuality"] = 0,
            ["featureSupport"] = new Dictionary<string, object?>
            {
                ["NegativeGetUnitCurrentCommand"] = true,
                ["hasExitOnlyYardmaps"] = true,
                ["rmlUiApiVersion"] = 1,
                ["noAutoShowMetal"] = true,
                ["noRefundForConstructionDecay"] = true,
                ["noRefundForFactoryCancel"] = true,
                ["noOffsetForFeatureID"] = true,
                ["gunshipCruiseAltitudeMultiplier"] = true,
            },
        });

        runtime.SetValue("Platform", new Dictionary<string, object?>
        {
            ["gpu"] = "BarHarness virtual GPU",
            ["gpuVendor"] = "BarHarness",
            ["gpuMemorySize"] = 8 * 1024 * 1024,
            ["glVersion"] = "4.6",
            ["glVersionShort"] = "4.6",
            ["glslVersionShort"] = "4.60",
            ["glRenderer"] = "synthetic",
            ["osName"] = "Linux",
            ["osFamily"] = "Linux",
            ["osVersion"] = "synthetic",
            ["hwConfig"] = "synthetic",
            ["cpuLogicalCores"] = 8,
            ["cpuPhysicalCores"] = 4,
            ["totalRAM"] = 16384,
            ["sysInfoHash"] = "0",
            ["macAddrHash"] = "0",
            ["numDisplays"] = 1,
            ["glSupportNonPowerOfTwoTex"] = true,
            ["glHaveGL4"] = true,
            ["glHaveAMD"] = false,
            ["glHaveNVidia"] = false,
            ["glHaveIntel"] = false,
        });

        runtime.SetValue("LOG", new Dictionary<string, object?>
        {
            ["DEBUG"] = 20,
            ["INFO"] = 30,
            ["NOTICE"] = 35,
            ["DEPRECATED"] = 37,
            ["WARNING"] = 40,
            ["ERROR"] = 50,
            ["FATAL"] = 60,
        });

        runtime.SetValue("CMD", Bidirectional(CommandIds));
        runtime.SetValue("CMDTYPE", Bidirectional(CommandTypes));
        runtime.SetValue("GL", GlConstants.ToDictionary(kv => kv.Key, kv => (object?)kv.Value));
    }

    /// <summary>Recoil's CMD table maps names to ids and ids back to names.</summary>
    private static Dictionary<object, object?> Bidirectional(IReadOnlyDictionary<string, int> map)
    {
        var table = new Dictionary<object, object?>();
        foreach (var (name, id) in map)
        {
            table[name] = id;
            table.TryAdd(id, name);
        }

        return table;
    }

    private static readonly Dictionary<string, int> CommandIds = new()
    {
        ["STOP"] = 0,
        ["INSERT"] = 1,
        ["REMOVE"] = 2,
        ["WAIT"] = 5,
        ["TIMEWAIT"] = 6,
        ["DEATHWAIT"] = 7,
        ["SQUADWAIT"] = 8,
        ["GATHERWAIT"] = 9,
        ["MOVE"] = 10,
        ["PATROL"] = 15,
        ["FIGHT"] = 16,
        ["ATTACK"] = 20,
        ["AREA_ATTACK"] = 21,
        ["GUARD"] = 25,
        ["GROUPSELECT"] = 35,
        ["GROUPADD"] = 36,
        ["GROUPCLEAR"] = 37,
        ["REPAIR"] = 40,
        ["FIRE_STATE"] = 45,
        ["MOVE_STATE"] = 50,
        ["SETBASE"] = 55,
        ["INTERNAL"] = 60,
        ["SELFD"] = 65,
        ["LOAD_UNITS"] = 75,
        ["LOAD_ONTO"] = 76,
        ["UNLOAD_UNITS"] = 80,
        ["UNLOAD_UNIT"] = 81,
        ["ONOFF"] = 85,
        ["RECLAIM"] = 90,
        ["CLOAK"] = 95,
        ["STOCKPILE"] = 100,
        ["MANUALFIRE"] = 105,
        ["DGUN"] = 105,
        ["RESTORE"] = 110,
        ["REPEAT"] = 115,
        ["TRAJECTORY"] = 120,
        ["RESURRECT"] = 125,
        ["CAPTURE"] = 130,
        ["AUTOREPAIRLEVEL"] = 135,
        ["IDLEMODE"] = 145,
        ["FAILED"] = 150,
        ["OPT_ALT"] = 128,
        ["OPT_CTRL"] = 64,
        ["OPT_SHIFT"] = 32,
        ["OPT_RIGHT"] = 16,
        ["OPT_INTERNAL"] = 8,
        ["OPT_META"] = 4,
        ["WAITCODE_TIME"] = 1,
        ["WAITCODE_DEATH"] = 2,
        ["WAITCODE_SQUAD"] = 3,
        ["WAITCODE_GATHER"] = 4,
        ["FIRESTATE_HOLDFIRE"] = 0,
        ["FIRESTATE_RETURNFIRE"] = 1,
        ["FIRESTATE_FIREATWILL"] = 2,
        ["MOVESTATE_HOLDPOS"] = 0,
        ["MOVESTATE_MANEUVER"] = 1,
        ["MOVESTATE_ROAM"] = 2,
    };

    private static readonly Dictionary<string, int> CommandTypes = new()
    {
        ["ICON"] = 0,
        ["ICON_MODE"] = 5,
        ["ICON_MAP"] = 10,
        ["ICON_AREA"] = 11,
        ["ICON_UNIT"] = 12,
        ["ICON_UNIT_OR_MAP"] = 13,
        ["ICON_FRONT"] = 14,
        ["ICON_UNIT_OR_AREA"] = 16,
        ["NEXT"] = 17,
        ["PREV"] = 18,
        ["ICON_UNIT_FEATURE_OR_AREA"] = 19,
        ["ICON_BUILDING"] = 20,
        ["CUSTOM"] = 21,
        ["ICON_UNIT_OR_RECTANGLE"] = 22,
        ["NUMBER"] = 23,
    };

    private static readonly Dictionary<string, int> GlConstants = new()
    {
        ["POINTS"] = 0,
        ["LINES"] = 1,
        ["LINE_LOOP"] = 2,
        ["LINE_STRIP"] = 3,
        ["TRIANGLES"] = 4,
        ["TRIANGLE_STRIP"] = 5,
        ["TRIANGLE_FAN"] = 6,
        ["QUADS"] = 7,
        ["QUAD_STRIP"] = 8,
        ["POLYGON"] = 9,
        ["ZERO"] = 0,
        ["ONE"] = 1,
        ["SRC_COLOR"] = 0x0300,
        ["ONE_MINUS_SRC_COLOR"] = 0x0301,
        ["SRC_ALPHA"] = 0x0302,
        ["ONE_MINUS_SRC_ALPHA"] = 0x0303,
        ["DST_ALPHA"] = 0x0304,
        ["ONE_MINUS_DST_ALPHA"] = 0x0305,
        ["DST_COLOR"] = 0x0306,
        ["ONE_MINUS_DST_COLOR"] = 0x0307,
        ["SRC_ALPHA_SATURATE"] = 0x0308,
        ["NEVER"] = 0x0200,
        ["LESS"] = 0x0201,
        ["EQUAL"] = 0x0202,
        ["LEQUAL"] = 0x0203,
        ["GREATER"] = 0x0204,
        ["NOTEQUAL"] = 0x0205,
        ["GEQUAL"] = 0x0206,
        ["ALWAYS"] = 0x0207,
        ["FRONT"] = 0x0404,
        ["BACK"] = 0x0405,
        ["FRONT_AND_BACK"] = 0x0408,
        ["POINT"] = 0x1B00,
        ["LINE"] = 0x1B01,
        ["FILL"] = 0x1B02,
        ["DEPTH_TEST"] = 0x0B71,
        ["BLEND"] = 0x0BE2,
        ["CULL_FACE"] = 0x0B44,
        ["TEXTURE_2D"] = 0x0DE1,
        ["NEAREST"] = 0x2600,
        ["LINEAR"] = 0x2601,
        ["CLAMP_TO_EDGE"] = 0x812F,
        ["REPEAT"] = 0x2901,
        ["RGBA"] = 0x1908,
        ["RGBA8"] = 0x8058,
        ["RGBA16F"] = 0x881A,
        ["RGBA32F"] = 0x8814,
        ["COLOR_BUFFER_BIT"] = 0x4000,
        ["DEPTH_BUFFER_BIT"] = 0x0100,
        ["STENCIL_BUFFER_BIT"] = 0x0400,
        ["FUNC_ADD"] = 0x8006,
        ["MODELVIEW"] = 0x1700,
        ["PROJECTION"] = 0x1701,
        ["TEXTURE"] = 0x1702,
        ["FRAMEBUFFER"] = 0x8D40,
        ["COLOR_ATTACHMENT0"] = 0x8CE0,
        ["DEPTH_ATTACHMENT"] = 0x8D00,
        ["SMOOTH"] = 0x1D01,
        ["FLAT"] = 0x1D00,
        ["LINE_SMOOTH"] = 0x0B20,
        ["POLYGON_SMOOTH"] = 0x0B41,
    };
}
