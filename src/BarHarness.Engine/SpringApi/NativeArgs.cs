namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Argument reading and value pushing for engine natives, with Recoil's rules: ids are read with
/// lua_isnumber semantics (numbers and numeric strings), a bad id raises, optional flags follow
/// lua_toboolean, numbers go out as integers when integral (printing like 5.1) and are rounded to
/// float32 when the runtime asks for BAR's float LUA_NUMBER.
/// </summary>
internal static unsafe class NativeArgs
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static EngineApiContext Enter(IntPtr l)
    {
        var ctx = LuaRuntime.ContextOf<EngineApiContext>(l);
        ctx.Runtime.EngineCalls++;
        return ctx;
    }

    /// <summary>Reads a unit id as Recoil's ParseRawUnit does, or arms its error and returns false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool UnitId(IntPtr l, int index, string function, out int unitId)
    {
        int isNum;
        var value = LuaApi.lua_tonumberx(l, index, &isNum);
        if (isNum == 0)
        {
            unitId = 0;
            LuaRuntime.RaiseError(l, $"[{function}] unitID (arg #{index}) not a number", function);
            return false;
        }

        unitId = (int)value;
        return true;
    }

    /// <summary>luaL_checkint: a number argument, or "bad argument #n to 'f' (number expected, got t)".</summary>
    public static bool CheckInt(IntPtr l, int index, string function, out int value)
    {
        int isNum;
        var number = LuaApi.lua_tonumberx(l, index, &isNum);
        if (isNum == 0)
        {
            value = 0;
            RaiseTypeError(l, index, function, "number");
            return false;
        }

        value = (int)number;
        return true;
    }

    /// <summary>luaL_checknumber.</summary>
    public static bool CheckNumber(IntPtr l, int index, string function, out double value)
    {
        int isNum;
        value = LuaApi.lua_tonumberx(l, index, &isNum);
        if (isNum == 0)
        {
            RaiseTypeError(l, index, function, "number");
            return false;
        }

        return true;
    }

    /// <summary>
    /// luaL_checknumber on <paramref name="values"/>.Length arguments from <paramref name="first"/> on; false
    /// at the first that is not a number, with its error armed.
    /// </summary>
    public static bool CheckNumbers(IntPtr l, int first, string function, Span<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!CheckNumber(l, first + i, function, out values[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Two numbers from <paramref name="first"/> on (a point such as x, z), as luaL_checknumber.</summary>
    public static bool CheckNumbers(IntPtr l, int first, string function, out double a, out double b)
    {
        b = 0;
        return CheckNumber(l, first, function, out a) && CheckNumber(l, first + 1, function, out b);
    }

    /// <summary>Three numbers from <paramref name="first"/> on (a position x, y, z), as luaL_checknumber.</summary>
    public static bool CheckNumbers(
        IntPtr l, int first, string function, out double a, out double b, out double c)
    {
        c = 0;
        return CheckNumbers(l, first, function, out a, out b) && CheckNumber(l, first + 2, function, out c);
    }

    /// <summary>luaL_checkstring (numbers are accepted and converted, as in Lua).</summary>
    public static bool CheckString(IntPtr l, int index, string function, out string value)
    {
        var s = LuaApi.ToStringValue(l, index);
        if (s is null)
        {
            value = string.Empty;
            RaiseTypeError(l, index, function, "string");
            return false;
        }

        value = s;
        return true;
    }

    /// <summary>A team id argument (luaL_checkint) naming a team of this game; false, returning nothing, for
    /// another.</summary>
    public static bool ValidTeam(IntPtr l, int index, string function, EngineApiContext ctx, out int team) =>
        CheckInt(l, index, function, out team) && ctx.World.Roster.IsValidTeam(team);

    /// <summary>Counts the call and reads a team id argument naming a team of this game.</summary>
    public static bool ValidTeam(IntPtr l, int index, string function, out EngineApiContext ctx, out int team)
    {
        ctx = Enter(l);
        return ValidTeam(l, index, function, ctx, out team);
    }

    /// <summary>A player id argument (luaL_checkint) naming a player of this game; false for another.</summary>
    public static bool ValidPlayer(IntPtr l, int index, string function, EngineApiContext ctx, out int player) =>
        CheckInt(l, index, function, out player) && ctx.World.Roster.IsValidPlayer(player);

    public static bool TryInt(IntPtr l, int index, out int value)
    {
        int isNum;
        var number = LuaApi.lua_tonumberx(l, index, &isNum);
        value = (int)number;
        return isNum != 0;
    }

    public static int OptInt(IntPtr l, int index, int fallback)
    {
        int isNum;
        var value = LuaApi.lua_tonumberx(l, index, &isNum);
        return isNum != 0 ? (int)value : fallback;
    }

    public static double OptNumber(IntPtr l, int index, double fallback)
    {
        int isNum;
        var value = LuaApi.lua_tonumberx(l, index, &isNum);
        return isNum != 0 ? value : fallback;
    }

    /// <summary>An optional boolean flag: absent or nil gives the fallback, anything else its truth.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool OptBool(IntPtr l, int index, bool fallback)
    {
        var type = LuaApi.lua_type(l, index);
        return type <= LuaApi.LUA_TNIL ? fallback : LuaApi.lua_toboolean(l, index) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PushFloat(IntPtr l, double value, bool float32)
    {
        if (float32)
        {
            value = (float)value;
        }

        LuaRuntime.PushNumber(l, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PushInt(IntPtr l, long value) => LuaApi.lua_pushinteger(l, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PushBool(IntPtr l, bool value) => LuaApi.lua_pushboolean(l, value ? 1 : 0);

    /// <summary>Pushes a native's one result and answers how many it pushed (1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Answer(IntPtr l, long value)
    {
        PushInt(l, value);
        return 1;
    }

    /// <summary>Pushes a native's one flag and answers 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Answer(IntPtr l, bool value)
    {
        PushBool(l, value);
        return 1;
    }

    /// <summary>Pushes a native's one number (float32-rounded when asked) and answers 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Answer(IntPtr l, double value, bool float32)
    {
        PushFloat(l, value, float32);
        return 1;
    }

    /// <summary>Pushes a native's one string and answers 1.</summary>
    public static int Answer(IntPtr l, string value)
    {
        LuaApi.PushString(l, value);
        return 1;
    }

    /// <summary>A getter's whole body: enters the native, pushes the flag read from the context, answers 1
    /// value.</summary>
    public static int ReturnBool(IntPtr l, Func<EngineApiContext, bool> read)
    {
        var ctx = Enter(l);
        PushBool(l, read(ctx));
        return 1;
    }

    /// <summary>A getter's whole body, for an integer.</summary>
    public static int ReturnInt(IntPtr l, Func<EngineApiContext, long> read)
    {
        var ctx = Enter(l);
        PushInt(l, read(ctx));
        return 1;
    }

    /// <summary>A getter's whole body, for a number (float32-rounded when the runtime asks).</summary>
    public static int ReturnFloat(IntPtr l, Func<EngineApiContext, double> read)
    {
        var ctx = Enter(l);
        PushFloat(l, read(ctx), ctx.Float32);
        return 1;
    }

    /// <summary>A getter's whole body, for a string.</summary>
    public static int ReturnString(IntPtr l, Func<EngineApiContext, string> read)
    {
        var ctx = Enter(l);
        LuaApi.PushString(l, read(ctx));
        return 1;
    }

    /// <summary>The whole body of a native that answers an empty table (nothing of that kind in this game).</summary>
    public static int ReturnEmptyTable(IntPtr l)
    {
        Enter(l);
        return AnswerEmptyTable(l);
    }

    /// <summary>Pushes an empty table as a native's one result and answers 1.</summary>
    public static int AnswerEmptyTable(IntPtr l)
    {
        LuaApi.lua_createtable(l, 0, 0);
        return 1;
    }

    /// <summary>
    /// The custom keys table a roster answer (GetPlayerInfo, GetTeamInfo) ends with unless the caller asked
    /// for none: empty in a synthetic game. Returns how many values it pushed (0 or 1).
    /// </summary>
    public static int PushCustomKeys(IntPtr l, bool wanted)
    {
        if (!wanted)
        {
            return 0;
        }

        LuaApi.lua_createtable(l, 0, 0);
        return 1;
    }

    /// <summary>Pushes an array of integers as a Lua sequence.</summary>
    public static void PushIntList(IntPtr l, ReadOnlySpan<int> values)
    {
        LuaApi.lua_createtable(l, values.Length, 0);
        for (var i = 0; i < values.Length; i++)
        {
            LuaApi.lua_pushinteger(l, values[i]);
            LuaApi.lua_rawseti(l, -2, i + 1);
        }
    }

    /// <summary>luaL_typerror's "bad argument #n to 'f' (t expected, got u)", armed as the native's error.</summary>
    private static void RaiseTypeError(IntPtr l, int index, string function, string expected)
    {
        var got = LuaApi.TypeName(LuaApi.lua_type(l, index));
        LuaRuntime.RaiseError(l, $"bad argument #{index} to '{function}' ({expected} expected, got {got})", function);
    }
}
