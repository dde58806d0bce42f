namespace BarHarness.Engine.SpringApi;

/// <summary>One recorded UI or sound function: its name and what it returns in Recoil.</summary>
public sealed class UiCallSite(EngineApiContext api, string name, StubResult result)
{
    public EngineApiContext Api { get; } = api;

    public string Name { get; } = name;

    public StubResult Result { get; } = result;
}

/// <summary>
/// UI, sound, chat and marker calls: nothing is shown or played, each call is recorded (name and
/// first argument, in order) and answers what Recoil answers (true for a sound that plays, nothing
/// for the rest).
/// </summary>
internal static unsafe class UiCallFunctions
{
    /// <summary>Recorded functions and their Recoil result.</summary>
    public static readonly IReadOnlyList<(string Name, StubResult Result)> Recorded =
    [
        ("Spring.PlaySoundFile", StubResult.True), ("Spring.PlaySoundStream", StubResult.True),
        ("Spring.StopSoundStream", StubResult.Nothing), ("Spring.PauseSoundStream", StubResult.Nothing),
        ("Spring.SetSoundStreamVolume", StubResult.Nothing), ("Spring.LoadSoundDef", StubResult.True),
        ("Spring.SetMouseCursor", StubResult.Nothing), ("Spring.AssignMouseCursor", StubResult.True),
        ("Spring.ReplaceMouseCursor", StubResult.True), ("Spring.SendMessage", StubResult.Nothing),
        ("Spring.SendMessageToPlayer", StubResult.Nothing), ("Spring.SendMessageToTeam", StubResult.Nothing),
        ("Spring.SendMessageToAllyTeam", StubResult.Nothing), ("Spring.SendMessageToSpectators", StubResult.Nothing),
        ("Spring.SendLuaRulesMsg", StubResult.Nothing), ("Spring.SendLuaUIMsg", StubResult.Nothing),
        ("Spring.SendLuaGaiaMsg", StubResult.Nothing), ("Spring.SendLuaMenuMsg", StubResult.Nothing),
        ("Spring.MarkerAddPoint", StubResult.Nothing), ("Spring.MarkerAddLine", StubResult.Nothing),
        ("Spring.MarkerErasePosition", StubResult.Nothing), ("Spring.SetDrawSky", StubResult.Nothing),
        ("Spring.SetDrawWater", StubResult.Nothing), ("Spring.SetDrawGround", StubResult.Nothing),
        ("Spring.SetDrawSelectionInfo", StubResult.Nothing), ("Spring.SetWMCaption", StubResult.Nothing),
        ("Spring.SDLStartTextInput", StubResult.Nothing),
        ("Spring.SDLStopTextInput", StubResult.Nothing), ("Spring.SDLSetTextInputRect", StubResult.Nothing),
        ("Spring.SetCameraTarget", StubResult.Nothing), ("Spring.SetCameraOffset", StubResult.Nothing),
        ("Spring.SendPublicChat", StubResult.Nothing), ("Spring.SendAllyChat", StubResult.Nothing),
        ("Spring.SendSpectatorChat", StubResult.Nothing), ("Spring.SendPrivateChat", StubResult.Nothing),
        ("Spring.SetTeamColor", StubResult.Nothing), ("Spring.SetUnitLeaveTracks", StubResult.Nothing),
        ("Spring.ForceLayoutUpdate", StubResult.Nothing), ("Spring.SetAutoShowMetal", StubResult.Nothing),
        ("Spring.SetDrawGroundDeferred", StubResult.Nothing),
        ("Spring.SetDrawModelsDeferred", StubResult.Nothing), ("Spring.ClearWatchDogTimer", StubResult.Nothing),
        ("Spring.Quit", StubResult.Nothing), ("Spring.Reload", StubResult.Nothing),
        ("Spring.Restart", StubResult.Nothing),
    ];

    public static int Call(IntPtr l)
    {
        var site = LuaRuntime.ContextOf<UiCallSite>(l);
        site.Api.Runtime.EngineCalls++;
        var first = LuaApi.lua_type(l, 1) is LuaApi.LUA_TSTRING or LuaApi.LUA_TNUMBER
            ? LuaApi.ToStringValue(l, 1) ?? string.Empty
            : LuaApi.TypeName(LuaApi.lua_type(l, 1));
        site.Api.RecordedUiCalls.Add((site.Name, first));
        switch (site.Result)
        {
            case StubResult.True:
                LuaApi.lua_pushboolean(l, 1);
                return 1;
            default:
                return 0;
        }
    }

    public static int SetClipboard(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckString(l, 1, "SetClipboard", out var text))
        {
            return 0;
        }

        ctx.Clipboard = text;
        return 0;
    }

    public static int GetClipboard(IntPtr l) => NativeArgs.ReturnString(l, static ctx => ctx.Clipboard);

    /// <summary>GetMenuName() → "": the game was not started from a lobby menu (Chobby).</summary>
    public static int GetMenuName(IntPtr l) => NativeArgs.ReturnString(l, static _ => string.Empty);

    /// <summary>IsGUIHidden() → false: the harness never hides the interface.</summary>
    public static int IsGUIHidden(IntPtr l) => NativeArgs.ReturnBool(l, static _ => false);

    /// <summary>GetDrawFrame() → draw frame number low and high 16 bits, as Recoil splits it.</summary>
    public static int GetDrawFrame(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var frame = (ctx.Clock?.NowMicros ?? 0) / 16_667;
        NativeArgs.PushInt(l, frame & 0xFFFF);
        NativeArgs.PushInt(l, (frame >> 16) & 0xFFFF);
        return 2;
    }

    /// <summary>GetModKeyState() → alt, ctrl, meta, shift: no key is held between scripted presses.</summary>
    public static int GetModKeyState(IntPtr l)
    {
        NativeArgs.Enter(l);
        for (var i = 0; i < 4; i++)
        {
            NativeArgs.PushBool(l, false);
        }

        return 4;
    }

    /// <summary>GetKeyState(keyCode) → false: scripted keys are pressed and released at once.</summary>
    public static int GetKeyState(IntPtr l)
    {
        NativeArgs.Enter(l);
        if (!NativeArgs.CheckInt(l, 1, "GetKeyState", out _))
        {
            return 0;
        }

        NativeArgs.PushBool(l, false);
        return 1;
    }

    /// <summary>GetPressedKeys() → {} (nothing held).</summary>
    public static int GetPressedKeys(IntPtr l) => NativeArgs.ReturnEmptyTable(l);

    /// <summary>GetMouseCursor() → the name set last with SetMouseCursor ("" before), scale 1.</summary>
    public static int GetMouseCursor(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var last = ctx.RecordedUiCalls.LastOrDefault(c => c.Function == "Spring.SetMouseCursor");
        LuaApi.PushString(l, last.Function is null ? string.Empty : last.Argument);
        NativeArgs.PushFloat(l, 1, ctx.Float32);
        return 2;
    }
}
