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
    /// <summary>The recorded functions that answer true in Recoil (a sound that plays, a cursor that loads); the
    /// others answer nothing.</summary>
    private static readonly HashSet<string> AnswerTrue = new(StringComparer.Ordinal)
    {
        "Spring.PlaySoundFile", "Spring.PlaySoundStream", "Spring.LoadSoundDef", "Spring.AssignMouseCursor",
        "Spring.ReplaceMouseCursor",
    };

    /// <summary>Recorded functions and their Recoil result.</summary>
    public static readonly IReadOnlyList<(string Name, StubResult Result)> Recorded = new[]
    {
        "Spring.PlaySoundFile", "Spring.PlaySoundStream", "Spring.StopSoundStream", "Spring.PauseSoundStream",
        "Spring.SetSoundStreamVolume", "Spring.LoadSoundDef", "Spring.SetMouseCursor", "Spring.AssignMouseCursor",
        "Spring.ReplaceMouseCursor", "Spring.SendMessage", "Spring.SendMessageToPlayer", "Spring.SendMessageToTeam",
        "Spring.SendMessageToAllyTeam", "Spring.SendMessageToSpectators", "Spring.SendLuaRulesMsg",
        "Spring.SendLuaUIMsg", "Spring.SendLuaGaiaMsg", "Spring.SendLuaMenuMsg", "Spring.MarkerAddPoint",
        "Spring.MarkerAddLine", "Spring.MarkerErasePosition", "Spring.SetDrawSky", "Spring.SetDrawWater",
        "Spring.SetDrawGround", "Spring.SetDrawSelectionInfo", "Spring.SetWMCaption", "Spring.SDLStartTextInput",
        "Spring.SDLStopTextInput", "Spring.SDLSetTextInputRect", "Spring.SetCameraTarget", "Spring.SetCameraOffset",
        "Spring.SendPublicChat", "Spring.SendAllyChat", "Spring.SendSpectatorChat", "Spring.SendPrivateChat",
        "Spring.SetTeamColor", "Spring.SetUnitLeaveTracks", "Spring.ForceLayoutUpdate", "Spring.SetAutoShowMetal",
        "Spring.SetDrawGroundDeferred", "Spring.SetDrawModelsDeferred", "Spring.ClearWatchDogTimer", "Spring.Quit",
        "Spring.Reload", "Spring.Restart",
    }.Select(name => (name, AnswerTrue.Contains(name) ? StubResult.True : StubResult.Nothing)).ToArray();

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

        return NativeArgs.Answer(l, false);
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
