namespace BarHarness.Engine.SpringApi;

/// <summary>Reading and building the Lua tables engine natives take and return (built on LuaApi's calls).</summary>
internal static unsafe class LuaTables
{
    /// <summary>A sequence of numbers from a table argument (up to the first non-number); a number is one.</summary>
    public static double[] NumberArray(IntPtr l, int index)
    {
        var type = LuaApi.lua_type(l, index);
        if (type == LuaApi.LUA_TNUMBER)
        {
            return [LuaApi.ToNumber(l, index, out _)];
        }

        if (type != LuaApi.LUA_TTABLE)
        {
            return [];
        }

        var values = new List<double>();
        for (var i = 1; ; i++)
        {
            LuaApi.lua_rawgeti(l, index, i);
            if (LuaApi.lua_type(l, -1) != LuaApi.LUA_TNUMBER)
            {
                LuaApi.Pop(l, 1);
                break;
            }

            values.Add(LuaApi.ToNumber(l, -1, out _));
            LuaApi.Pop(l, 1);
        }

        return [.. values];
    }

    /// <summary>Unit ids from an array table (values) or, with <paramref name="keys"/>, from a map's keys.</summary>
    public static List<int> UnitIds(IntPtr l, int index, bool keys)
    {
        var ids = new List<int>();
        if (LuaApi.lua_type(l, index) != LuaApi.LUA_TTABLE)
        {
            return ids;
        }

        var abs = index < 0 ? LuaApi.lua_gettop(l) + index + 1 : index;
        LuaApi.lua_pushnil(l);
        while (LuaApi.lua_next(l, abs) != 0)
        {
            var at = keys ? -2 : -1;
            if (LuaApi.lua_type(l, at) == LuaApi.LUA_TNUMBER)
            {
                ids.Add((int)LuaApi.ToNumber(l, at, out _));
            }

            LuaApi.Pop(l, 1);
        }

        ids.Sort();
        return ids;
    }

    /// <summary>
    /// Command options as Recoil's ParseCommand reads them: a number (the coded bits), an array of
    /// names ({"shift", "alt"}) or a table of flags ({shift = true}); nil is none.
    /// </summary>
    public static CommandOptions Options(IntPtr l, int index)
    {
        var type = LuaApi.lua_type(l, index);
        if (type == LuaApi.LUA_TNUMBER)
        {
            return (CommandOptions)(int)LuaApi.ToNumber(l, index, out _);
        }

        if (type != LuaApi.LUA_TTABLE)
        {
            return CommandOptions.None;
        }

        var options = CommandOptions.None;
        var abs = index < 0 ? LuaApi.lua_gettop(l) + index + 1 : index;
        LuaApi.lua_pushnil(l);
        while (LuaApi.lua_next(l, abs) != 0)
        {
            string? name = null;
            if (LuaApi.lua_type(l, -2) == LuaApi.LUA_TSTRING && LuaApi.lua_toboolean(l, -1) != 0)
            {
                name = LuaApi.ToStringValue(l, -2);
            }
            else if (LuaApi.lua_type(l, -1) == LuaApi.LUA_TSTRING)
            {
                name = LuaApi.ToStringValue(l, -1);
            }

            options |= name switch
            {
                "shift" => CommandOptions.Shift,
                "alt" => CommandOptions.Alt,
                "ctrl" => CommandOptions.Ctrl,
                "right" => CommandOptions.Right,
                "meta" => CommandOptions.Meta,
                "internal" => CommandOptions.Internal,
                _ => CommandOptions.None,
            };
            LuaApi.Pop(l, 1);
        }

        return options;
    }

    public static void PushNumberList(IntPtr l, IReadOnlyList<double> values, bool float32)
    {
        LuaApi.lua_createtable(l, values.Count, 0);
        for (var i = 0; i < values.Count; i++)
        {
            NativeArgs.PushFloat(l, values[i], float32);
            LuaApi.lua_rawseti(l, -2, i + 1);
        }
    }

    public static void SetBool(IntPtr l, string key, bool value)
    {
        NativeArgs.PushBool(l, value);
        LuaApi.SetField(l, -2, key);
    }

    public static void SetInt(IntPtr l, string key, long value)
    {
        NativeArgs.PushInt(l, value);
        LuaApi.SetField(l, -2, key);
    }

    /// <summary>The options table of a command: coded, alt, ctrl, shift, right, meta, internal.</summary>
    public static void PushOptions(IntPtr l, CommandOptions o)
    {
        LuaApi.lua_createtable(l, 0, 7);
        SetInt(l, "coded", (int)o);
        SetBool(l, "alt", o.HasFlag(CommandOptions.Alt));
        SetBool(l, "ctrl", o.HasFlag(CommandOptions.Ctrl));
        SetBool(l, "shift", o.HasFlag(CommandOptions.Shift));
        SetBool(l, "right", o.HasFlag(CommandOptions.Right));
        SetBool(l, "meta", o.HasFlag(CommandOptions.Meta));
        SetBool(l, "internal", o.HasFlag(CommandOptions.Internal));
    }

    /// <summary>A command as GetUnitCommands lists it: {id, params, options, tag}.</summary>
    public static void PushCommand(IntPtr l, UnitCommand c, bool float32)
    {
        LuaApi.lua_createtable(l, 0, 4);
        SetInt(l, "id", c.Id);
        PushNumberList(l, c.Params, float32);
        LuaApi.SetField(l, -2, "params");
        PushOptions(l, c.Options);
        LuaApi.SetField(l, -2, "options");
        SetInt(l, "tag", c.Tag);
    }
}
