using BarHarness.LuaHost.Interop;
using BarHarness.LuaHost.Runtime;

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
        switch (site.Result)
        {
            case StubResult.True:
                LuaApi.lua_pushboolean(l, 1);
                return 1;
            case StubResult.False:
                LuaApi.lua_pushboolean(l, 0);
                return 1;
            case StubResult.Zero:
                LuaApi.lua_pushinteger(l, 0);
                return 1;
            case StubResult.One:
                LuaApi.lua_pushinteger(l, 1);
                return 1;
            case StubResult.EmptyString:
                LuaApi.PushString(l, string.Empty);
                return 1;
            case StubResult.NewListId:
                LuaApi.lua_pushinteger(l, Interlocked.Increment(ref _nextId));
                return 1;
            case StubResult.NewTextureName:
                LuaApi.PushString(l, "!" + Interlocked.Increment(ref _nextId));
                return 1;
            case StubResult.EmptyTable:
                LuaApi.lua_createtable(l, 0, 0);
                return 1;
            case StubResult.TextWidth:
                // gl.GetTextWidth(text) / font:GetTextWidth(text): width in font-size units.
                LuaApi.lua_pushnumber(l, TextArgLength(l) * 0.5);
                return 1;
            case StubResult.TextHeight:
                LuaApi.lua_pushnumber(l, 1.0);
                LuaApi.lua_pushnumber(l, 0.25);
                LuaApi.lua_pushinteger(l, 1);
                return 3;
            case StubResult.ViewSizes:
                LuaApi.lua_pushinteger(l, site.Api.Options.ViewSizeX);
                LuaApi.lua_pushinteger(l, site.Api.Options.ViewSizeY);
                return 2;
            case StubResult.WrappedText:
                LuaApi.lua_pushvalue(l, TextArgIndex(l));
                LuaApi.lua_pushinteger(l, 1);
                return 2;
            default:
                return 0;
        }
    }

    /// <summary>font methods take self first; gl functions do not.</summary>
    private static int TextArgIndex(IntPtr l) => LuaApi.lua_type(l, 1) == LuaApi.LUA_TTABLE ? 2 : 1;

    private static int TextArgLength(IntPtr l)
    {
        var index = TextArgIndex(l);
        return LuaApi.lua_type(l, index) == LuaApi.LUA_TSTRING ? LuaApi.ToBytes(l, index).Length : 0;
    }
}
