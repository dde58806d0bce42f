using System.Text;

namespace BarHarness.Engine.SpringApi;

/// <summary>Echo, Log and SendCommands: text goes to the run's console log, commands are recorded.</summary>
internal static unsafe class ConsoleFunctions
{
    private static readonly string[] LevelNames =
        ["debug", "info", "notice", "deprecated", "warning", "error", "fatal"];

    public static int Echo(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        ctx.Runtime.Console.Write("echo", JoinArgs(l, 1));
        return 0;
    }

    /// <summary>Log(section, level, ...): level is a LOG.* number or a name; fewer than three arguments
    /// raise.</summary>
    public static int Log(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (LuaApi.lua_gettop(l) < 3)
        {
            return LuaRuntime.RaiseError(l, "Incorrect arguments to Spring.Log(logsection, loglevel, ...)", "Log");
        }

        var section = LuaApi.ToStringValue(l, 1) ?? "?";
        string level;
        if (LuaApi.lua_type(l, 2) == LuaApi.LUA_TNUMBER)
        {
            level = LevelName(NativeArgs.OptInt(l, 2, 30));
        }
        else
        {
            level = (LuaApi.ToStringValue(l, 2) ?? "notice").ToLowerInvariant();
        }

        ctx.Runtime.Console.Write("log:" + level, $"[{section}] {JoinArgs(l, 3)}");
        return 0;
    }

    public static int SendCommands(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var top = LuaApi.lua_gettop(l);
        if (top >= 1 && LuaApi.lua_type(l, 1) == LuaApi.LUA_TTABLE)
        {
            for (var i = 1; ; i++)
            {
                LuaApi.lua_rawgeti(l, 1, i);
                var cmd = LuaApi.ToStringValue(l, -1);
                LuaApi.Pop(l, 1);
                if (cmd is null)
                {
                    break;
                }

                ctx.SentCommands.Add(cmd);
            }

            return 0;
        }

        for (var i = 1; i <= top; i++)
        {
            if (LuaApi.ToStringValue(l, i) is { } cmd)
            {
                ctx.SentCommands.Add(cmd);
            }
        }

        return 0;
    }

    private static string LevelName(int level) => level switch
    {
        <= 20 => LevelNames[0],
        <= 30 => LevelNames[1],
        <= 35 => LevelNames[2],
        <= 37 => LevelNames[3],
        <= 40 => LevelNames[4],
        <= 50 => LevelNames[5],
        _ => LevelNames[6],
    };

    /// <summary>
    /// Arguments from <paramref name="first"/> on, each as 5.1's tostring would show it, joined by ", ".
    /// </summary>
    private static string JoinArgs(IntPtr l, int first)
    {
        var top = LuaApi.lua_gettop(l);
        var sb = new StringBuilder();
        for (var i = first; i <= top; i++)
        {
            if (i > first)
            {
                sb.Append(", ");
            }

            sb.Append(Describe(l, i));
        }

        return sb.ToString();
    }

    private static string Describe(IntPtr l, int index)
    {
        switch (LuaApi.lua_type(l, index))
        {
            case LuaApi.LUA_TNIL:
                return "nil";
            case LuaApi.LUA_TBOOLEAN:
                return LuaApi.lua_toboolean(l, index) != 0 ? "true" : "false";
            case LuaApi.LUA_TNUMBER:
                if (LuaApi.lua_isinteger(l, index) != 0)
                {
                    int ok;
                    return LuaApi.lua_tointegerx(l, index, &ok).ToString(
                        System.Globalization.CultureInfo.InvariantCulture);
                }

                return Lua51Number.Format(NativeArgs.OptNumber(l, index, 0));
            case LuaApi.LUA_TSTRING:
                return LuaApi.ToStringValue(l, index) ?? string.Empty;
            default:
                // Addresses ("table: 0x...") would make Echo logs differ between identical runs.
                return "<" + LuaApi.TypeName(LuaApi.lua_type(l, index)) + ">";
        }
    }
}
