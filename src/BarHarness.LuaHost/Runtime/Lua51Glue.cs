namespace BarHarness.LuaHost.Runtime;

/// <summary>
/// What the Lua 5.1 VM needs so the harness's own glue (written once, in the 5.4 dialect where the two
/// differ) runs unchanged: an environment over the real globals whose <c>load</c> takes 5.4's
/// (chunk, name, mode, env) and whose <c>xpcall</c> passes arguments on, plus a <c>print</c> that is a
/// C function as in 5.1 (setfenv refuses it) and writes to the console. Widgets never see the glue
/// environment: their load and xpcall are 5.1's own.
/// </summary>
internal static unsafe class Lua51Glue
{
    public const string EnvironmentKey = "barharness.glueenv";

    public static void Install(LuaRuntime runtime)
    {
        runtime.RegisterInternal("xpcall54", &XpcallWithArguments, runtime);
        runtime.RegisterInternal("print51", &Print, runtime);
        Lua51Random.Install(runtime);
        runtime.Load(
            """
            local H = ...
            local G, type, sub, loadstring, setfenv, rawload = _G, type, string.sub, loadstring, setfenv, load
            local function load54(chunk, name, mode, env)
            	if type(chunk) ~= "string" then
            		return rawload(chunk, name)
            	end
            	if mode == "t" and sub(chunk, 1, 1) == "\27" then
            		return nil, "attempt to load a binary chunk (mode is 't')"
            	end
            	local f, err = loadstring(chunk, name)
            	if f and env ~= nil then
            		setfenv(f, env)
            	end
            	return f, err
            end
            debug.getregistry()["barharness.glueenv"] = setmetatable({ load = load54, xpcall = H.xpcall54 },
            	{ __index = G, __newindex = G })
            print = H.print51
            H.printPatched = true
            math.random, math.randomseed = H.random51, H.randomseed51
            """,
            "=(barharness glue)");
        runtime.PushInternal();
        runtime.CallProtected(1, 0);
    }

    // xpcall(f, msgh, ...) as 5.4 has it, in C so it costs the widget no Lua instructions and no
    // allocation: the stack [f, msgh, args] becomes [msgh, f, args] and f is called protected with
    // msgh as handler. A longjmp from the call lands in this lua_pcall, below this frame.
    private static int XpcallWithArguments(IntPtr l)
    {
        var n = LuaApi.lua_gettop(l);
        if (n < 2)
        {
            LuaApi.lua_settop(l, 2);
            n = 2;
        }

        LuaApi.lua_pushvalue(l, 1);
        LuaApi.lua_copy(l, 2, 1);
        LuaApi.lua_copy(l, -1, 2);
        LuaApi.Pop(l, 1);
        var ok = LuaApi.lua_pcallk(l, n - 2, LuaApi.LUA_MULTRET, 1, IntPtr.Zero, IntPtr.Zero) == LuaApi.LUA_OK;
        LuaApi.lua_pushboolean(l, ok ? 1 : 0);
        LuaApi.lua_copy(l, -1, 1);
        LuaApi.Pop(l, 1);
        return LuaApi.lua_gettop(l);
    }

    // 5.1's print: every argument through the global tostring, joined by tabs.
    private static int Print(IntPtr l)
    {
        var runtime = LuaRuntime.ContextOf<LuaRuntime>(l);
        var n = LuaApi.lua_gettop(l);
        var text = new System.Text.StringBuilder();
        for (var i = 1; i <= n; i++)
        {
            LuaApi.GetField(l, Lua51Native.GlobalsIndex, "tostring");
            LuaApi.lua_pushvalue(l, i);
            if (LuaApi.lua_pcallk(l, 1, 1, 0, IntPtr.Zero, IntPtr.Zero) != LuaApi.LUA_OK)
            {
                var message = LuaApi.ToStringValue(l, -1) ?? "error in tostring";
                LuaApi.Pop(l, 1);
                return LuaRuntime.RaiseError(l, message, "print");
            }

            if (LuaApi.lua_type(l, -1) != LuaApi.LUA_TSTRING)
            {
                LuaApi.Pop(l, 1);
                return LuaRuntime.RaiseError(l, "'tostring' must return a string to 'print'", "print");
            }

            if (i > 1)
            {
                text.Append('\t');
            }

            text.Append(LuaApi.ToStringValue(l, -1));
            LuaApi.Pop(l, 1);
        }

        runtime.Console.Write("print", text.ToString());
        return 0;
    }
}
