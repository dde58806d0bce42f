using System.Globalization;

namespace BarHarness.LuaHost.Runtime;

/// <summary>Values crossing between .NET and the Lua stack: numbers as the engine hands them, plain values and
/// tables.</summary>
public sealed unsafe partial class LuaRuntime
{
    /// <summary>Pushes a number the engine hands to Lua: integral values as integers (so they print like 5.1),
    /// float32-rounded when asked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PushEngineNumber(double value)
    {
        if (Options.Float32Numbers)
        {
            value = (float)value;
        }

        PushNumber(State, value);
    }

    /// <summary>Pushes integral finite values in integer range as Lua integers, others as floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PushNumber(IntPtr l, double value)
    {
        if (LuaApi.IsLua51)
        {
            LuaApi.lua_pushnumber(l, value);
        }
        else if (value == Math.Floor(value) && Math.Abs(value) < 9.0e15)
        {
            LuaApi.lua_pushinteger(l, (long)value);
        }
        else
        {
            LuaApi.lua_pushnumber(l, value);
        }
    }

    /// <summary>Pushes a plain value (null, bool, number, string, pointer, dictionary or list) on this VM's
    /// stack.</summary>
    public void PushValue(object? value) => PushValue(State, value);

    /// <summary>Pushes a plain value on the stack of <paramref name="l"/> (any thread of a harness VM).</summary>
    public static void PushValue(IntPtr l, object? value)
    {
        switch (value)
        {
            case null:
                LuaApi.lua_pushnil(l);
                break;
            case bool b:
                LuaApi.lua_pushboolean(l, b ? 1 : 0);
                break;
            case int or long:
                LuaApi.lua_pushinteger(l, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong un:
                LuaApi.lua_pushinteger(l, unchecked((long)un)); // bit pattern kept, as a C cast does
                break;
            case float or double or decimal:
                PushNumber(l, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case string s:
                LuaApi.PushString(l, s);
                break;
            case IntPtr p:
                LuaApi.lua_pushlightuserdata(l, p);
                break;
            case System.Collections.IDictionary dict:
                LuaApi.lua_createtable(l, 0, dict.Count);
                foreach (System.Collections.DictionaryEntry e in dict)
                {
                    PushValue(l, e.Key);
                    PushValue(l, e.Value);
                    LuaApi.lua_rawset(l, -3);
                }

                break;
            case System.Collections.IEnumerable list:
                LuaApi.lua_createtable(l, 8, 0);
                long index = 1;
                foreach (var item in list)
                {
                    PushValue(l, item);
                    LuaApi.lua_rawseti(l, -2, index++);
                }

                break;
            default:
                throw new ArgumentException($"cannot hand a {value.GetType().Name} to Lua");
        }
    }

    /// <summary>Reads a stack value as a plain .NET value; tables become dictionaries (to <paramref name="depth"/>
    /// levels).</summary>
    public object? ToObject(int index, int depth)
    {
        var abs = index < 0 ? LuaApi.lua_gettop(State) + index + 1 : index;
        switch (LuaApi.lua_type(State, abs))
        {
            case LuaApi.LUA_TBOOLEAN:
                return LuaApi.lua_toboolean(State, abs) != 0;
            case LuaApi.LUA_TNUMBER:
                if (LuaApi.lua_isinteger(State, abs) != 0)
                {
                    int ok;
                    return LuaApi.lua_tointegerx(State, abs, &ok);
                }

                var number = LuaApi.ToNumber(State, abs, out _);
                if (LuaApi.IsLua51 && number == Math.Floor(number) && Math.Abs(number) < 9.0e15)
                {
                    return (long)number; // 5.1 has no integer subtype: integral values read as 5.4's integers do
                }

                return number;
            case LuaApi.LUA_TSTRING:
                return LuaApi.ToStringValue(State, abs);
            case LuaApi.LUA_TTABLE when depth > 0:
                var dict = new Dictionary<object, object?>();
                LuaApi.lua_pushnil(State);
                while (LuaApi.lua_next(State, abs) != 0)
                {
                    var key = ToObject(-2, 0);
                    if (key is not null)
                    {
                        dict[key] = ToObject(-1, depth - 1);
                    }

                    LuaApi.Pop(State, 1);
                }

                return dict;
            case LuaApi.LUA_TNIL:
            case LuaApi.LUA_TNONE:
                return null;
            default:
                return $"<{LuaApi.TypeName(LuaApi.lua_type(State, abs))}>";
        }
    }
}
