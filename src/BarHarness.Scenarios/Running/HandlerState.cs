namespace BarHarness.Scenarios.Running;

/// <summary>
/// Reads the widget handler's state without calling into Lua: whether any widget is filed under a
/// call-in (so the simulation skips call-ins nobody listens to) and the answer of the last call-in
/// (whether a widget took a command, a key, a click).
/// </summary>
internal sealed class HandlerState(LuaRuntime runtime)
{
    public bool Listens(string callIn)
    {
        var l = runtime.State;
        var top = LuaApi.lua_gettop(l);
        runtime.PushInternal();
        LuaApi.GetField(l, -1, "listening");
        LuaApi.GetField(l, -1, callIn);
        var listens = LuaApi.lua_toboolean(l, -1) != 0;
        LuaApi.lua_settop(l, top);
        return listens;
    }

    /// <summary>Whether the last call-in's answer was true (a widget took the event).</summary>
    public bool LastAnswerTaken()
    {
        var l = runtime.State;
        var top = LuaApi.lua_gettop(l);
        runtime.PushInternal();
        LuaApi.GetField(l, -1, "lastAnswer");
        var taken = LuaApi.lua_toboolean(l, -1) != 0;
        LuaApi.lua_settop(l, top);
        return taken;
    }
}
