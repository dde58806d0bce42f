using BarHarness.Core.Time;
using BarHarness.Engine.Coverage;

namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Installs the synthetic engine into a Lua VM's System table: Spring.* natives (raw C functions,
/// context in upvalue 1), the Game/Engine/Platform/LOG/CMD/CMDTYPE/GL tables, UnitDefs and
/// UnitDefNames proxies, VFS, gl and font recording stubs, and the "not implemented" reporter for
/// engine functions listed in recoil-api.tsv but absent here.
/// </summary>
public static unsafe class SpringApiInstaller
{
    private readonly struct Native(string path, delegate*<IntPtr, int> function)
    {
        public string Path { get; } = path;

        public delegate*<IntPtr, int> Function { get; } = function;
    }

    /// <summary>Spring functions written in Lua glue (SpringGlue.lua) rather than as natives.</summary>
    public static readonly IReadOnlyList<string> GlueFunctions =
    [
        "VFS.Include", "Spring.GetModOptions", "Spring.GetMapOptions",
        "Spring.GetGameRulesParam", "Spring.GetTeamRulesParam",
        "Spring.GetUnitRulesParam", "Spring.GetPlayerRulesParam", "Spring.IsCheatingEnabled", "Spring.GetFPS",
    ];

    private static Native[] Natives() =>
    [
        new("Spring.GetUnitPosition", &UnitReadFunctions.GetUnitPosition),
        new("Spring.GetUnitBasePosition", &UnitReadFunctions.GetUnitBasePosition),
        new("Spring.GetUnitVelocity", &UnitReadFunctions.GetUnitVelocity),
        new("Spring.GetUnitHeading", &UnitReadFunctions.GetUnitHeading),
        new("Spring.GetUnitHealth", &UnitReadFunctions.GetUnitHealth),
        new("Spring.GetUnitDefID", &UnitReadFunctions.GetUnitDefID),
        new("Spring.GetUnitTeam", &UnitReadFunctions.GetUnitTeam),
        new("Spring.GetUnitAllyTeam", &UnitReadFunctions.GetUnitAllyTeam),
        new("Spring.GetUnitIsDead", &UnitReadFunctions.GetUnitIsDead),
        new("Spring.GetUnitIsBuilding", &UnitReadFunctions.GetUnitIsBuilding),
        new("Spring.GetUnitLosState", &UnitReadFunctions.GetUnitLosState),
        new("Spring.IsUnitAllied", &UnitReadFunctions.IsUnitAllied),
        new("Spring.IsUnitVisible", &UnitReadFunctions.IsUnitVisible),
        new("Spring.IsUnitInLos", &UnitReadFunctions.IsUnitInLos),
        new("Spring.ValidUnitID", &UnitReadFunctions.ValidUnitID),
        new("Spring.GetAllUnits", &UnitListFunctions.GetAllUnits),
        new("Spring.GetTeamUnits", &UnitListFunctions.GetTeamUnits),
        new("Spring.GetVisibleUnits", &UnitListFunctions.GetVisibleUnits),
        new("Spring.GetUnitsInRectangle", &UnitListFunctions.GetUnitsInRectangle),
        new("Spring.GetUnitsInCylinder", &UnitListFunctions.GetUnitsInCylinder),
        new("Spring.GetSelectedUnits", &SelectionFunctions.GetSelectedUnits),
        new("Spring.GetSelectedUnitsCount", &SelectionFunctions.GetSelectedUnitsCount),
        new("Spring.GetSelectedUnitsSorted", &SelectionFunctions.GetSelectedUnitsSorted),
        new("Spring.GetSelectedUnitsCounts", &SelectionFunctions.GetSelectedUnitsCounts),
        new("Spring.SelectUnitArray", &SelectionFunctions.SelectUnitArray),
        new("Spring.SelectUnitMap", &SelectionFunctions.SelectUnitMap),
        new("Spring.SelectUnit", &SelectionFunctions.SelectUnit),
        new("Spring.IsUnitSelected", &SelectionFunctions.IsUnitSelected),
        new("Spring.GetUnitGroup", &SelectionFunctions.GetUnitGroup),
        new("Spring.SetUnitGroup", &SelectionFunctions.SetUnitGroup),
        new("Spring.GetGroupList", &SelectionFunctions.GetGroupList),
        new("Spring.GetGroupUnits", &SelectionFunctions.GetGroupUnits),
        new("Spring.GetGroupUnitsCount", &SelectionFunctions.GetGroupUnitsCount),
        new("Spring.GiveOrderToUnit", &CommandFunctions.GiveOrderToUnit),
        new("Spring.GiveOrderToUnitArray", &CommandFunctions.GiveOrderToUnitArray),
        new("Spring.GiveOrderToUnitMap", &CommandFunctions.GiveOrderToUnitMap),
        new("Spring.GiveOrderArrayToUnit", &CommandFunctions.GiveOrderArrayToUnit),
        new("Spring.GiveOrder", &CommandFunctions.GiveOrder),
        new("Spring.GetUnitCommands", &CommandFunctions.GetUnitCommands),
        new("Spring.GetCommandQueue", &CommandFunctions.GetCommandQueue),
        new("Spring.GetFactoryCommands", &CommandFunctions.GetFactoryCommands),
        new("Spring.GetUnitCommandCount", &CommandFunctions.GetUnitCommandCount),
        new("Spring.GetUnitCurrentCommand", &CommandFunctions.GetUnitCurrentCommand),
        new("Spring.GetActiveCommand", &CommandFunctions.GetActiveCommand),
        new("Spring.GetUnitStates", &CommandFunctions.GetUnitStates),
        new("Spring.GetUnitSelfDTime", &CommandFunctions.GetUnitSelfDTime),
        new("Spring.GetGroundHeight", &MapFunctions.GetGroundHeight),
        new("Spring.GetGroundOrigHeight", &MapFunctions.GetGroundOrigHeight),
        new("Spring.GetSmoothMeshHeight", &MapFunctions.GetSmoothMeshHeight),
        new("Spring.GetGroundNormal", &MapFunctions.GetGroundNormal),
        new("Spring.GetGroundExtremes", &MapFunctions.GetGroundExtremes),
        new("Spring.IsPosInMap", &MapFunctions.IsPosInMap),
        new("Spring.IsPosInLos", &MapFunctions.IsPosInLos),
        new("Spring.IsPosInAirLos", &MapFunctions.IsPosInAirLos),
        new("Spring.IsPosInRadar", &MapFunctions.IsPosInRadar),
        new("Spring.GetPositionLosState", &MapFunctions.GetPositionLosState),
        new("Spring.GetWind", &MapFunctions.GetWind),
        new("Spring.GetTidal", &MapFunctions.GetTidal),
        new("Spring.GetWaterPlaneLevel", &MapFunctions.GetWaterPlaneLevel),
        new("Spring.GetWaterLevel", &MapFunctions.GetWaterLevel),
        new("Spring.GetMetalMapSize", &MapFunctions.GetMetalMapSize),
        new("Spring.GetMetalAmount", &MapFunctions.GetMetalAmount),
        new("Spring.GetTeamUnitCount", &TeamUnitFunctions.GetTeamUnitCount),
        new("Spring.GetTeamUnitsCounts", &TeamUnitFunctions.GetTeamUnitsCounts),
        new("Spring.GetTeamUnitsSorted", &TeamUnitFunctions.GetTeamUnitsSorted),
        new("Spring.GetTeamUnitDefCount", &TeamUnitFunctions.GetTeamUnitDefCount),
        new("Spring.GetTeamUnitsByDefs", &TeamUnitFunctions.GetTeamUnitsByDefs),
        new("Spring.GetTeamAllyTeamID", &TeamUnitFunctions.GetTeamAllyTeamID),
        new("Spring.AreTeamsAllied", &TeamUnitFunctions.AreTeamsAllied),
        new("Spring.ArePlayersAllied", &TeamUnitFunctions.ArePlayersAllied),
        new("Spring.GetTeamMaxUnits", &TeamUnitFunctions.GetTeamMaxUnits),
        new("Spring.GetUnitIsBeingBuilt", &UnitDetailFunctions.GetUnitIsBeingBuilt),
        new("Spring.GetUnitIsStunned", &UnitDetailFunctions.GetUnitIsStunned),
        new("Spring.GetUnitIsActive", &UnitDetailFunctions.GetUnitIsActive),
        new("Spring.GetUnitIsCloaked", &UnitDetailFunctions.GetUnitIsCloaked),
        new("Spring.GetUnitRadius", &UnitDetailFunctions.GetUnitRadius),
        new("Spring.GetUnitHeight", &UnitDetailFunctions.GetUnitHeight),
        new("Spring.GetUnitMass", &UnitDetailFunctions.GetUnitMass),
        new("Spring.GetUnitTooltip", &UnitDetailFunctions.GetUnitTooltip),
        new("Spring.GetUnitCosts", &UnitDetailFunctions.GetUnitCosts),
        new("Spring.GetUnitDirection", &UnitDetailFunctions.GetUnitDirection),
        new("Spring.GetUnitExperience", &UnitDetailFunctions.GetUnitExperience),
        new("Spring.GetUnitNeutral", &UnitDetailFunctions.GetUnitNeutral),
        new("Spring.GetUnitStockpile", &UnitDetailFunctions.GetUnitStockpile),
        new("Spring.GetUnitSensorRadius", &UnitDetailFunctions.GetUnitSensorRadius),
        new("Spring.IsUnitInRadar", &UnitDetailFunctions.IsUnitInRadar),
        new("Spring.IsUnitInAirLos", &UnitDetailFunctions.IsUnitInAirLos),
        new("Spring.GetUnitSeparation", &UnitDetailFunctions.GetUnitSeparation),
        new("Spring.GetUnitNearestEnemy", &UnitDetailFunctions.GetUnitNearestEnemy),
        new("Spring.GetUnitNearestAlly", &UnitDetailFunctions.GetUnitNearestAlly),
        new("Spring.GetCameraDirection", &CameraFunctions.GetCameraDirection),
        new("Spring.GetCameraFOV", &CameraFunctions.GetCameraFOV),
        new("Spring.GetCameraState", &CameraFunctions.GetCameraState),
        new("Spring.SetCameraState", &CameraFunctions.SetCameraState),
        new("Spring.GetCameraVectors", &CameraFunctions.GetCameraVectors),
        new("Spring.WorldToScreenCoords", &CameraFunctions.WorldToScreenCoords),
        new("Spring.TraceScreenRay", &CameraFunctions.TraceScreenRay),
        new("Spring.IsSphereInView", &CameraFunctions.IsSphereInView),
        new("Spring.IsAABBInView", &CameraFunctions.IsAABBInView),
        new("Spring.IsUnitInView", &CameraFunctions.IsUnitInView),
        new("Spring.GetMiniMapGeometry", &CameraFunctions.GetMiniMapGeometry),
        new("Spring.GetWindowGeometry", &CameraFunctions.GetWindowGeometry),
        new("Spring.GetScreenGeometry", &CameraFunctions.GetScreenGeometry),
        new("Spring.SetClipboard", &UiCallFunctions.SetClipboard),
        new("Spring.GetMenuName", &UiCallFunctions.GetMenuName),
        new("Spring.GetKeyCode", &KeyAndRulesFunctions.GetKeyCode),
        new("Spring.GetKeySymbol", &KeyAndRulesFunctions.GetKeySymbol),
        new("Spring.GetGameRulesParams", &KeyAndRulesFunctions.GetGameRulesParams),
        new("Spring.GetTeamRulesParams", &KeyAndRulesFunctions.GetTeamRulesParams),
        new("Spring.GetPlayerRulesParams", &KeyAndRulesFunctions.GetPlayerRulesParams),
        new("Spring.GetUnitRulesParams", &KeyAndRulesFunctions.GetUnitRulesParams),
        new("Spring.GetVisibleFeatures", &FeatureFunctions.GetVisibleFeatures),
        new("Spring.GetUnitCmdDescs", &CommandDescriptionFunctions.GetUnitCmdDescs),
        new("Spring.FindUnitCmdDesc", &CommandDescriptionFunctions.FindUnitCmdDesc),
        new("Spring.GetActiveCmdDescs", &CommandDescriptionFunctions.GetActiveCmdDescs),
        new("Spring.GetActiveCmdDesc", &CommandDescriptionFunctions.GetActiveCmdDesc),
        new("Spring.GetCmdDescIndex", &CommandDescriptionFunctions.GetCmdDescIndex),
        new("Spring.GetFactoryCommandCount", &QueueAndRosterFunctions.GetFactoryCommandCount),
        new("Spring.GetFactoryCounts", &QueueAndRosterFunctions.GetFactoryCounts),
        new("Spring.GetFullBuildQueue", &QueueAndRosterFunctions.GetFullBuildQueue),
        new("Spring.GetRealBuildQueue", &QueueAndRosterFunctions.GetRealBuildQueue),
        new("Spring.DeselectUnit", &QueueAndRosterFunctions.DeselectUnit),
        new("Spring.DeselectUnitArray", &QueueAndRosterFunctions.DeselectUnitArray),
        new("Spring.DeselectUnitMap", &QueueAndRosterFunctions.DeselectUnitMap),
        new("Spring.GetGroupUnitsSorted", &QueueAndRosterFunctions.GetGroupUnitsSorted),
        new("Spring.GetGroupUnitsCounts", &QueueAndRosterFunctions.GetGroupUnitsCounts),
        new("Spring.GetPlayerRoster", &QueueAndRosterFunctions.GetPlayerRoster),
        new("Spring.GetAllyTeamInfo", &QueueAndRosterFunctions.GetAllyTeamInfo),
        new("Spring.GetTeamOrigColor", &QueueAndRosterFunctions.GetTeamOrigColor),
        new("Spring.IsAboveMiniMap", &QueueAndRosterFunctions.IsAboveMiniMap),
        new("Spring.IsGodModeEnabled", &GameInfoFunctions.IsGodModeEnabled),
        new("Spring.IsNoCostEnabled", &GameInfoFunctions.IsNoCostEnabled),
        new("Spring.IsDevLuaEnabled", &GameInfoFunctions.IsDevLuaEnabled),
        new("Spring.IsEditDefsEnabled", &GameInfoFunctions.IsEditDefsEnabled),
        new("Spring.GetGlobalLos", &GameInfoFunctions.GetGlobalLos),
        new("Spring.GetGameName", &GameInfoFunctions.GetGameName),
        new("Spring.GetTeamStartPosition", &GameInfoFunctions.GetTeamStartPosition),
        new("Spring.GetTeamLuaAI", &GameInfoFunctions.GetTeamLuaAI),
        new("Spring.GetHeadingFromVector", &GameInfoFunctions.GetHeadingFromVector),
        new("Spring.GetVectorFromHeading", &GameInfoFunctions.GetVectorFromHeading),
        new("Spring.GetFacingFromHeading", &GameInfoFunctions.GetFacingFromHeading),
        new("Spring.GetHeadingFromFacing", &GameInfoFunctions.GetHeadingFromFacing),
        new("Spring.GetLuaMemUsage", &GameInfoFunctions.GetLuaMemUsage),
        new("Spring.GetAllFeatures", &FeatureFunctions.GetAllFeatures),
        new("Spring.GetFeaturesInRectangle", &FeatureFunctions.GetFeaturesInRectangle),
        new("Spring.GetFeaturesInCylinder", &FeatureFunctions.GetFeaturesInCylinder),
        new("Spring.GetFeaturesInSphere", &FeatureFunctions.GetFeaturesInSphere),
        new("Spring.GetUnitsInSphere", &UnitListFunctions.GetUnitsInSphere),
        new("Spring.GetUnitsInBox", &UnitListFunctions.GetUnitsInBox),
        new("Spring.GetUnitArrayCentroid", &UnitListFunctions.GetUnitArrayCentroid),
        new("Spring.GetUnitMapCentroid", &UnitListFunctions.GetUnitMapCentroid),
        new("Spring.GetClipboard", &UiCallFunctions.GetClipboard),
        new("Spring.IsGUIHidden", &UiCallFunctions.IsGUIHidden),
        new("Spring.GetDrawFrame", &UiCallFunctions.GetDrawFrame),
        new("Spring.GetModKeyState", &UiCallFunctions.GetModKeyState),
        new("Spring.GetKeyState", &UiCallFunctions.GetKeyState),
        new("Spring.GetPressedKeys", &UiCallFunctions.GetPressedKeys),
        new("Spring.GetMouseCursor", &UiCallFunctions.GetMouseCursor),
        new("Spring.GetTeamList", &TeamFunctions.GetTeamList),
        new("Spring.GetAllyTeamList", &TeamFunctions.GetAllyTeamList),
        new("Spring.GetGaiaTeamID", &TeamFunctions.GetGaiaTeamID),
        new("Spring.GetTeamInfo", &TeamFunctions.GetTeamInfo),
        new("Spring.GetTeamResources", &TeamFunctions.GetTeamResources),
        new("Spring.GetTeamColor", &TeamFunctions.GetTeamColor),
        new("Spring.GetTeamStatsHistory", &TeamFunctions.GetTeamStatsHistory),
        new("Spring.GetPlayerList", &PlayerFunctions.GetPlayerList),
        new("Spring.GetPlayerInfo", &PlayerFunctions.GetPlayerInfo),
        new("Spring.GetMyPlayerID", &PlayerFunctions.GetLocalPlayerID),
        new("Spring.GetMyTeamID", &PlayerFunctions.GetLocalTeamID),
        new("Spring.GetMyAllyTeamID", &PlayerFunctions.GetLocalAllyTeamID),
        new("Spring.GetLocalPlayerID", &PlayerFunctions.GetLocalPlayerID),
        new("Spring.GetLocalTeamID", &PlayerFunctions.GetLocalTeamID),
        new("Spring.GetLocalAllyTeamID", &PlayerFunctions.GetLocalAllyTeamID),
        new("Spring.GetSpectatingState", &PlayerFunctions.GetSpectatingState),
        new("Spring.GetGameFrame", &GameStateFunctions.GetGameFrame),
        new("Spring.GetGameSeconds", &GameStateFunctions.GetGameSeconds),
        new("Spring.GetGameSpeed", &GameStateFunctions.GetGameSpeed),
        new("Spring.IsGameOver", &GameStateFunctions.IsGameOver),
        new("Spring.IsReplay", &GameStateFunctions.IsReplay),
        new("Spring.GetLastUpdateSeconds", &GameStateFunctions.GetLastUpdateSeconds),
        new("Spring.GetTimer", &TimerFunctions.GetTimer),
        new("Spring.DiffTimers", &TimerFunctions.DiffTimers),
        new("Spring.GetViewGeometry", &ViewFunctions.GetViewGeometry),
        new("Spring.GetCameraPosition", &ViewFunctions.GetCameraPosition),
        new("Spring.GetMouseState", &ViewFunctions.GetMouseState),
        new("Spring.GetConfigInt", &ConfigFunctions.GetConfigInt),
        new("Spring.GetConfigFloat", &ConfigFunctions.GetConfigFloat),
        new("Spring.GetConfigString", &ConfigFunctions.GetConfigString),
        new("Spring.SetConfigInt", &ConfigFunctions.SetConfigInt),
        new("Spring.SetConfigFloat", &ConfigFunctions.SetConfigFloat),
        new("Spring.SetConfigString", &ConfigFunctions.SetConfigString),
        new("Spring.Echo", &ConsoleFunctions.Echo),
        new("Spring.Log", &ConsoleFunctions.Log),
        new("Spring.SendCommands", &ConsoleFunctions.SendCommands),
        new("Spring.ValidFeatureID", &FeatureFunctions.ValidFeatureID),
        new("Spring.GetFeatureDefID", &FeatureFunctions.GetFeatureDefID),
        new("Spring.GetFeatureTeam", &FeatureFunctions.GetFeatureTeam),
        new("Spring.GetFeatureAllyTeam", &FeatureFunctions.GetFeatureAllyTeam),
        new("Spring.GetFeatureHeading", &FeatureFunctions.GetFeatureHeading),
        new("Spring.GetFeatureHeight", &FeatureFunctions.GetFeatureHeight),
        new("Spring.GetFeatureRadius", &FeatureFunctions.GetFeatureRadius),
        new("Spring.GetFeatureMass", &FeatureFunctions.GetFeatureMass),
        new("Spring.GetFeatureHealth", &FeatureFunctions.GetFeatureHealth),
        new("Spring.GetFeaturePosition", &FeatureFunctions.GetFeaturePosition),
        new("Spring.GetFeatureSeparation", &FeatureFunctions.GetFeatureSeparation),
        new("Spring.GetFeatureRotation", &FeatureFunctions.GetFeatureRotation),
        new("Spring.GetFeatureDirection", &FeatureFunctions.GetFeatureDirection),
        new("Spring.GetFeatureVelocity", &FeatureFunctions.GetFeatureVelocity),
        new("Spring.GetFeatureResources", &FeatureFunctions.GetFeatureResources),
        new("Spring.GetFeatureBlocking", &FeatureFunctions.GetFeatureBlocking),
        new("Spring.GetFeatureNoSelect", &FeatureFunctions.GetFeatureNoSelect),
        new("Spring.GetFeatureResurrect", &FeatureFunctions.GetFeatureResurrect),
        new("Spring.GetFeatureLastAttackedPiece", &FeatureFunctions.GetFeatureLastAttackedPiece),
        new("Spring.GetFeatureCollisionVolumeData", &FeatureFunctions.GetFeatureCollisionVolumeData),
        new("Spring.GetFeatureRulesParams", &FeatureFunctions.GetFeatureRulesParams),
        new("Spring.GetFeatureRulesParam", &FeatureFunctions.GetFeatureRulesParam),
        new("Spring.GetUnitFeatureSeparation", &FeatureFunctions.GetUnitFeatureSeparation),
        new("Spring.GetFeaturesInScreenRectangle", &FeatureFunctions.GetFeaturesInScreenRectangle),
        new("Spring.GetUnitRootPiece", &PieceFunctions.GetUnitRootPiece),
        new("Spring.GetUnitPieceList", &PieceFunctions.GetUnitPieceList),
        new("Spring.GetUnitPieceMap", &PieceFunctions.GetUnitPieceMap),
        new("Spring.GetUnitPieceInfo", &PieceFunctions.GetUnitPieceInfo),
        new("Spring.GetUnitPiecePosition", &PieceFunctions.GetUnitPiecePosition),
        new("Spring.GetUnitPieceDirection", &PieceFunctions.GetUnitPieceDirection),
        new("Spring.GetUnitPiecePosDir", &PieceFunctions.GetUnitPiecePosDir),
        new("Spring.GetUnitPieceMatrix", &PieceFunctions.GetUnitPieceMatrix),
        new("Spring.GetFeatureRootPiece", &PieceFunctions.GetFeatureRootPiece),
        new("Spring.GetFeaturePieceList", &PieceFunctions.GetFeaturePieceList),
        new("Spring.GetFeaturePieceMap", &PieceFunctions.GetFeaturePieceMap),
        new("Spring.GetFeaturePieceInfo", &PieceFunctions.GetFeaturePieceInfo),
        new("Spring.GetFeaturePiecePosition", &PieceFunctions.GetFeaturePiecePosition),
        new("Spring.GetFeaturePieceDirection", &PieceFunctions.GetFeaturePieceDirection),
        new("Spring.GetFeaturePiecePosDir", &PieceFunctions.GetFeaturePiecePosDir),
        new("Spring.GetFeaturePieceMatrix", &PieceFunctions.GetFeaturePieceMatrix),
        new("Spring.GetFeaturePieceCollisionVolumeData", &PieceFunctions.GetFeaturePieceCollisionVolumeData),
        new("Spring.GetModelRootPiece", &PieceFunctions.GetModelRootPiece),
        new("Spring.GetModelPieceList", &PieceFunctions.GetModelPieceList),
        new("Spring.GetModelPieceMap", &PieceFunctions.GetModelPieceMap),
        new("Spring.GetUnitScriptPiece", &PieceFunctions.GetUnitScriptPiece),
        new("Spring.GetUnitScriptNames", &PieceFunctions.GetUnitScriptNames),
        new("Spring.GetUnitNanoPieces", &PieceFunctions.GetUnitNanoPieces),
        new("Spring.GetUnitNoDraw", &ObjectDrawFunctions.GetUnitNoDraw),
        new("Spring.GetUnitLuaDraw", &ObjectDrawFunctions.GetUnitLuaDraw),
        new("Spring.GetUnitNoSelect", &ObjectDrawFunctions.GetUnitNoSelect),
        new("Spring.GetUnitNoMinimap", &ObjectDrawFunctions.GetUnitNoMinimap),
        new("Spring.GetUnitNoGroup", &ObjectDrawFunctions.GetUnitNoGroup),
        new("Spring.GetUnitAlwaysUpdateMatrix", &ObjectDrawFunctions.GetUnitAlwaysUpdateMatrix),
        new("Spring.UnitIconGetDraw", &ObjectDrawFunctions.UnitIconGetDraw),
        new("Spring.GetUnitEngineDrawMask", &ObjectDrawFunctions.GetUnitEngineDrawMask),
        new("Spring.GetUnitDrawFlag", &ObjectDrawFunctions.GetUnitDrawFlag),
        new("Spring.GetUnitPaletteIndex", &ObjectDrawFunctions.GetUnitPaletteIndex),
        new("Spring.GetUnitSelectionVolumeData", &ObjectDrawFunctions.GetUnitSelectionVolumeData),
        new("Spring.GetUnitTransformMatrix", &ObjectDrawFunctions.GetUnitTransformMatrix),
        new("Spring.SetUnitNoDraw", &ObjectDrawFunctions.SetUnitNoDraw),
        new("Spring.SetUnitNoSelect", &ObjectDrawFunctions.SetUnitNoSelect),
        new("Spring.SetUnitNoMinimap", &ObjectDrawFunctions.SetUnitNoMinimap),
        new("Spring.SetUnitNoGroup", &ObjectDrawFunctions.SetUnitNoGroup),
        new("Spring.SetUnitAlwaysUpdateMatrix", &ObjectDrawFunctions.SetUnitAlwaysUpdateMatrix),
        new("Spring.SetUnitIconDraw", &ObjectDrawFunctions.SetUnitIconDraw),
        new("Spring.UnitIconSetDraw", &ObjectDrawFunctions.UnitIconSetDraw),
        new("Spring.SetUnitEngineDrawMask", &ObjectDrawFunctions.SetUnitEngineDrawMask),
        new("Spring.SetUnitPaletteIndex", &ObjectDrawFunctions.SetUnitPaletteIndex),
        new("Spring.SetUnitSelectionVolumeData", &ObjectDrawFunctions.SetUnitSelectionVolumeData),
        new("Spring.SetUnitIcon", &ObjectDrawFunctions.SetUnitIcon),
        new("Spring.GetUnitIcon", &ObjectDrawFunctions.GetUnitIcon),
        new("Spring.GetFeatureNoDraw", &ObjectDrawFunctions.GetFeatureNoDraw),
        new("Spring.GetFeatureLuaDraw", &ObjectDrawFunctions.GetFeatureLuaDraw),
        new("Spring.GetFeatureAlwaysUpdateMatrix", &ObjectDrawFunctions.GetFeatureAlwaysUpdateMatrix),
        new("Spring.GetFeatureEngineDrawMask", &ObjectDrawFunctions.GetFeatureEngineDrawMask),
        new("Spring.GetFeatureDrawFlag", &ObjectDrawFunctions.GetFeatureDrawFlag),
        new("Spring.GetFeaturePaletteIndex", &ObjectDrawFunctions.GetFeaturePaletteIndex),
        new("Spring.GetFeatureSelectionVolumeData", &ObjectDrawFunctions.GetFeatureSelectionVolumeData),
        new("Spring.GetFeatureTransformMatrix", &ObjectDrawFunctions.GetFeatureTransformMatrix),
        new("Spring.SetFeatureNoDraw", &ObjectDrawFunctions.SetFeatureNoDraw),
        new("Spring.SetFeatureFade", &ObjectDrawFunctions.SetFeatureFade),
        new("Spring.SetFeatureAlwaysUpdateMatrix", &ObjectDrawFunctions.SetFeatureAlwaysUpdateMatrix),
        new("Spring.SetFeatureEngineDrawMask", &ObjectDrawFunctions.SetFeatureEngineDrawMask),
        new("Spring.SetFeaturePaletteIndex", &ObjectDrawFunctions.SetFeaturePaletteIndex),
        new("Spring.SetFeatureSelectionVolumeData", &ObjectDrawFunctions.SetFeatureSelectionVolumeData),
        new("Spring.GetBuildFacing", &UiStateFunctions.GetBuildFacing),
        new("Spring.SetBuildFacing", &UiStateFunctions.SetBuildFacing),
        new("Spring.GetBuildSpacing", &UiStateFunctions.GetBuildSpacing),
        new("Spring.SetBuildSpacing", &UiStateFunctions.SetBuildSpacing),
        new("Spring.GetInvertQueueKey", &UiStateFunctions.GetInvertQueueKey),
        new("Spring.GetBoxSelectionByEngine", &UiStateFunctions.GetBoxSelectionByEngine),
        new("Spring.SetBoxSelectionByEngine", &UiStateFunctions.SetBoxSelectionByEngine),
        new("Spring.GetSelectionBox", &UiStateFunctions.GetSelectionBox),
        new("Spring.GetSelectedGroup", &UiStateFunctions.GetSelectedGroup),
        new("Spring.GetMouseButtonsPressed", &UiStateFunctions.GetMouseButtonsPressed),
        new("Spring.GetGameState", &UiStateFunctions.GetGameState),
        new("Spring.GetDrawSeconds", &UiStateFunctions.GetDrawSeconds),
        new("Spring.GetFrameTimeOffset", &UiStateFunctions.GetFrameTimeOffset),
        new("Spring.GetTimerMicros", &UiStateFunctions.GetTimerMicros),
        new("Spring.GetFrameTimer", &UiStateFunctions.GetFrameTimer),
        new("Spring.GetMapDrawMode", &UiStateFunctions.GetMapDrawMode),
        new("Spring.GetWaterMode", &UiStateFunctions.GetWaterMode),
        new("Spring.HaveShadows", &UiStateFunctions.HaveShadows),
        new("Spring.HaveAdvShading", &UiStateFunctions.HaveAdvShading),
        new("Spring.GetDrawSelectionInfo", &UiStateFunctions.GetDrawSelectionInfo),
        new("Spring.IsUserWriting", &UiStateFunctions.IsUserWriting),
        new("Spring.GetLosViewColors", &UiStateFunctions.GetLosViewColors),
        new("Spring.SetLosViewColors", &UiStateFunctions.SetLosViewColors),
        new("Spring.GetCameraNames", &UiStateFunctions.GetCameraNames),
        new("Spring.GetCameraRotation", &UiStateFunctions.GetCameraRotation),
        new("Spring.GetDualViewGeometry", &UiStateFunctions.GetDualViewGeometry),
        new("Spring.GetMiniMapDualScreen", &UiStateFunctions.GetMiniMapDualScreen),
        new("Spring.GetMiniMapRotation", &UiStateFunctions.GetMiniMapRotation),
        new("Spring.SetMiniMapRotation", &UiStateFunctions.SetMiniMapRotation),
        new("Spring.GetWindowDisplayMode", &UiStateFunctions.GetWindowDisplayMode),
        new("Spring.GetNumDisplays", &UiStateFunctions.GetNumDisplays),
        new("Spring.GetVidMemUsage", &UiStateFunctions.GetVidMemUsage),
        new("Spring.GetVideoCapturingMode", &UiStateFunctions.GetVideoCapturingMode),
        new("Spring.SetVideoCapturingMode", &UiStateFunctions.SetVideoCapturingMode),
        new("Spring.GetLastMessagePositions", &UiStateFunctions.GetLastMessagePositions),
        new("Spring.SetLastMessagePosition", &UiStateFunctions.SetLastMessagePosition),
        new("Spring.GetConsoleBuffer", &UiStateFunctions.GetConsoleBuffer),
        new("Spring.GetCurrentTooltip", &UiStateFunctions.GetCurrentTooltip),
        new("Spring.GetLogSections", &UiStateFunctions.GetLogSections),
        new("Spring.SetLogSectionFilterLevel", &UiStateFunctions.SetLogSectionFilterLevel),
        new("Spring.GetActivePage", &UiStateFunctions.GetActivePage),
        new("Spring.GetGatherMode", &UiStateFunctions.GetGatherMode),
        new("Spring.GetReplayLength", &UiStateFunctions.GetReplayLength),
        new("Spring.GetUnitVectors", &UnitExtraFunctions.GetUnitVectors),
        new("Spring.GetUnitRotation", &UnitExtraFunctions.GetUnitRotation),
        new("Spring.GetUnitViewPosition", &UnitExtraFunctions.GetUnitViewPosition),
        new("Spring.GetUnitBuildFacing", &UnitExtraFunctions.GetUnitBuildFacing),
        new("Spring.GetUnitWorkerTask", &UnitExtraFunctions.GetUnitWorkerTask),
        new("Spring.GetUnitCurrentBuildPower", &UnitExtraFunctions.GetUnitCurrentBuildPower),
        new("Spring.GetUnitCostTable", &UnitExtraFunctions.GetUnitCostTable),
        new("Spring.GetUnitArmored", &UnitExtraFunctions.GetUnitArmored),
        new("Spring.GetUnitBlocking", &UnitExtraFunctions.GetUnitBlocking),
        new("Spring.GetUnitMaxRange", &UnitExtraFunctions.GetUnitMaxRange),
        new("Spring.GetUnitLastAttacker", &UnitExtraFunctions.GetUnitLastAttacker),
        new("Spring.GetUnitLastAttackedPiece", &UnitExtraFunctions.GetUnitLastAttackedPiece),
        new("Spring.GetUnitTransporter", &UnitExtraFunctions.GetUnitTransporter),
        new("Spring.GetUnitIsTransporting", &UnitExtraFunctions.GetUnitIsTransporting),
        new("Spring.GetUnitResources", &UnitExtraFunctions.GetUnitResources),
        new("Spring.GetUnitMetalExtraction", &UnitExtraFunctions.GetUnitMetalExtraction),
        new("Spring.GetUnitStorage", &UnitExtraFunctions.GetUnitStorage),
        new("Spring.GetUnitHarvestStorage", &UnitExtraFunctions.GetUnitHarvestStorage),
        new("Spring.GetUnitShieldState", &UnitExtraFunctions.GetUnitShieldState),
        new("Spring.GetUnitSeismicSignature", &UnitExtraFunctions.GetUnitSeismicSignature),
        new("Spring.GetUnitInBuildStance", &UnitExtraFunctions.GetUnitInBuildStance),
        new("Spring.GetUnitDefDimensions", &UnitExtraFunctions.GetUnitDefDimensions),
        new("Spring.GetUnitBuildeeRadius", &UnitExtraFunctions.GetUnitBuildeeRadius),
        new("Spring.GetUnitEffectiveBuildRange", &UnitExtraFunctions.GetUnitEffectiveBuildRange),
        new("Spring.GetUnitFlanking", &UnitExtraFunctions.GetUnitFlanking),
        new("Spring.IsUnitInJammer", &UnitExtraFunctions.IsUnitInJammer),
        new("Spring.GetUnitPosErrorParams", &UnitExtraFunctions.GetUnitPosErrorParams),
        new("Spring.GetUnitEstimatedPath", &UnitExtraFunctions.GetUnitEstimatedPath),
        new("Spring.GetUnitCollisionVolumeData", &UnitExtraFunctions.GetUnitCollisionVolumeData),
        new("Spring.GetUnitsInScreenRectangle", &UnitExtraFunctions.GetUnitsInScreenRectangle),
        new("VFS.LoadFile", &VfsFunctions.LoadFile),
        new("VFS.FileExists", &VfsFunctions.FileExists),
        new("VFS.DirList", &VfsFunctions.DirList),
    ];

    /// <summary>Qualified names ("Spring.GetUnitPosition") of every function this engine implements.</summary>
    public static IReadOnlySet<string> ImplementedFunctions { get; } =
        Natives().Select(n => n.Path).Concat(GlueFunctions).Concat(UiCallFunctions.Recorded.Select(r => r.Name))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Installs everything into <paramref name="runtime"/>. <paramref name="catalog"/> (default: the
    /// bundled recoil-api.tsv) gives gl stubs for every listed gl function and the "not implemented"
    /// reporter, which names a listed function the harness lacks when a widget calls it.
    /// </summary>
    public static EngineApiContext Install(LuaRuntime runtime, SyntheticWorld world, EngineApiOptions? options = null,
        RecoilApiCatalog? catalog = null, SimClock? clock = null)
    {
        catalog ??= RecoilApiCatalog.Bundled;
        var api = new EngineApiContext(world, runtime, options ?? new EngineApiOptions(), clock);
        foreach (var native in Natives())
        {
            runtime.RegisterFunction(native.Path, native.Function, api);
        }

        foreach (var (name, result) in UiCallFunctions.Recorded)
        {
            runtime.RegisterFunction(name, &UiCallFunctions.Call, new UiCallSite(api, name, result));
        }

        InstallGlStubs(runtime, api, catalog);
        EngineTables.Install(runtime, world, api.Options);
        runtime.SetInternal("engineUnitDefs", UnitDefTables.Describe(world.UnitDefs));
        runtime.SetInternal("engineFeatureDefs", FeatureDefTables.Describe(world.Features.Defs));
        runtime.SetInternal("engineMissing", MissingFunctions(catalog));
        runtime.RegisterInternal("engineRecordMissing", &RecordMissing, api);
        runtime.RunGlue(GlueSource(".SpringGlue.lua"), "=(barharness engine)");
        if (api.Options.BarStandIns)
        {
            runtime.RunGlue(GlueSource(".BarStandIns.lua"), "=(barharness bar stand-ins)");
        }

        return api;
    }

    private static string GlueSource(string suffix)
    {
        var assembly = typeof(SpringApiInstaller).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(suffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void InstallGlStubs(LuaRuntime runtime, EngineApiContext api, RecoilApiCatalog? catalog)
    {
        var glNames = new SortedSet<string>(GlStubCatalog.AlwaysStubbed, StringComparer.Ordinal);
        if (catalog is not null)
        {
            foreach (var f in catalog.Functions.Where(f => f.Table == "gl"))
            {
                glNames.Add(f.Name);
            }
        }

        foreach (var name in glNames)
        {
            var site = new StubSite(api, "gl." + name, GlStubCatalog.ResultOf(name));
            api.StubSites.Add(site);
            runtime.RegisterFunction("gl." + name, &RecordingStubs.Call, site);
        }

        foreach (var (method, result) in GlStubCatalog.FontMethods)
        {
            var site = new StubSite(api, "font." + method, result);
            api.StubSites.Add(site);
            runtime.RegisterInternal("engineFont_" + method, &RecordingStubs.Call, site);
        }
    }

    /// <summary>Qualified name to source file, for listed widget-reachable functions not implemented here.</summary>
    private static Dictionary<string, string> MissingFunctions(RecoilApiCatalog? catalog)
    {
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        if (catalog is null)
        {
            return missing;
        }

        foreach (var f in catalog.WidgetReachable)
        {
            if (f.Table is "Spring" or "VFS" or "Script" && !ImplementedFunctions.Contains(f.QualifiedName))
            {
                missing[f.QualifiedName] = f.Source;
            }
        }

        return missing;
    }

    private static int RecordMissing(IntPtr l)
    {
        var api = LuaRuntime.ContextOf<EngineApiContext>(l);
        var name = LuaApi.ToStringValue(l, 1) ?? "?";
        api.UnimplementedCalls[name] = api.UnimplementedCalls.GetValueOrDefault(name) + 1;
        return 0;
    }
}
