namespace BarHarness.Engine.SpringApi;

/// <summary>What a recording stub hands back, so drawing code that checks results carries on.</summary>
public enum StubResult
{
    Nothing,
    True,
    False,
    Zero,
    One,
    EmptyString,
    NewListId,
    NewTextureName,
    EmptyTable,
    TextWidth,
    TextHeight,
    ViewSizes,
    WrappedText,
}

/// <summary>One stubbed function (gl.Color, font:Print, ...): its name, call count and canned result.</summary>
public sealed class StubSite(EngineApiContext api, string name, StubResult result)
{
    public EngineApiContext Api { get; } = api;

    public string Name { get; } = name;

    public StubResult Result { get; } = result;

    public long Calls;
}

/// <summary>
/// Drawing functions (gl, GL-using fonts) as counting stubs: no rendering, just the call count per
/// name and a plausible result, so drawing widgets run their logic.
/// </summary>
internal static unsafe class RecordingStubs
{
    private static int _nextId;

    public static int Call(IntPtr l)
    {
        var site = LuaRuntime.ContextOf<StubSite>(l);
        site.Calls++;
        site.Api.Runtime.EngineCalls++;
        return site.Result switch
        {
            StubResult.True => NativeArgs.Answer(l, true),
            StubResult.False => NativeArgs.Answer(l, false),
            StubResult.Zero => NativeArgs.Answer(l, 0L),
            StubResult.One => NativeArgs.Answer(l, 1L),
            StubResult.EmptyString => NativeArgs.Answer(l, string.Empty),
            StubResult.NewListId => NativeArgs.Answer(l, (long)Interlocked.Increment(ref _nextId)),
            StubResult.NewTextureName => NativeArgs.Answer(l, "!" + Interlocked.Increment(ref _nextId)),
            StubResult.EmptyTable => NativeArgs.AnswerEmptyTable(l),
            StubResult.TextWidth => TextWidth(l),
            StubResult.TextHeight => TextHeight(l),
            StubResult.ViewSizes => ViewSizes(l, site.Api.Options),
            StubResult.WrappedText => WrappedText(l),
            _ => 0,
        };
    }

    // gl.GetTextWidth(text) / font:GetTextWidth(text): width in font-size units.
    private static int TextWidth(IntPtr l)
    {
        LuaApi.lua_pushnumber(l, TextArgLength(l) * 0.5);
        return 1;
    }

    private static int TextHeight(IntPtr l)
    {
        LuaApi.lua_pushnumber(l, 1.0);
        LuaApi.lua_pushnumber(l, 0.25);
        LuaApi.lua_pushinteger(l, 1);
        return 3;
    }

    private static int ViewSizes(IntPtr l, EngineApiOptions options)
    {
        LuaApi.lua_pushinteger(l, options.ViewSizeX);
        LuaApi.lua_pushinteger(l, options.ViewSizeY);
        return 2;
    }

    private static int WrappedText(IntPtr l)
    {
        LuaApi.lua_pushvalue(l, TextArgIndex(l));
        LuaApi.lua_pushinteger(l, 1);
        return 2;
    }

    /// <summary>font methods take self first; gl functions do not.</summary>
    private static int TextArgIndex(IntPtr l) => LuaApi.lua_type(l, 1) == LuaApi.LUA_TTABLE ? 2 : 1;

    private static int TextArgLength(IntPtr l)
    {
        var index = TextArgIndex(l);
        return LuaApi.lua_type(l, index) == LuaApi.LUA_TSTRING ? LuaApi.ToBytes(l, index).Length : 0;
    }
}
