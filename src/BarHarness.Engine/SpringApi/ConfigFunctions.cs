using System.Globalization;
using BarHarness.LuaHost.Interop;

namespace BarHarness.Engine.SpringApi;

/// <summary>springsettings.cfg reads and writes, kept in memory for the run.</summary>
internal static unsafe class ConfigFunctions
{
    public static int GetConfigInt(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckString(l, 1, "GetConfigInt", out var key))
        {
            return 0;
        }

        var fallback = NativeArgs.OptInt(l, 2, 0);
        var value = ctx.Config.TryGetValue(key, out var s) && double.TryParse(s, NumberStyles.Float,
            CultureInfo.InvariantCulture, out var d) ? (long)d : fallback;
        NativeArgs.PushInt(l, value);
        return 1;
    }

    public static int GetConfigFloat(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckString(l, 1, "GetConfigFloat", out var key))
        {
            return 0;
        }

        var fallback = NativeArgs.OptNumber(l, 2, 0);
        var value = ctx.Config.TryGetValue(key, out var s) && double.TryParse(s, NumberStyles.Float,
            CultureInfo.InvariantCulture, out var d) ? d : fallback;
        NativeArgs.PushFloat(l, value, ctx.Float32);
        return 1;
    }

    public static int GetConfigString(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckString(l, 1, "GetConfigString", out var key))
        {
            return 0;
        }

        var value = ctx.Config.TryGetValue(key, out var s) ? s : (LuaApi.ToStringValue(l, 2) ?? string.Empty);
        LuaApi.PushString(l, value);
        return 1;
    }

    public static int SetConfigInt(IntPtr l) => Set(l, "SetConfigInt", integral: true);

    public static int SetConfigFloat(IntPtr l) => Set(l, "SetConfigFloat", integral: false);

    public static int SetConfigString(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckString(l, 1, "SetConfigString", out var key)
            || !NativeArgs.CheckString(l, 2, "SetConfigString", out var value))
        {
            return 0;
        }

        ctx.Config[key] = value;
        return 0;
    }

    private static int Set(IntPtr l, string function, bool integral)
    {
        var ctx = NativeArgs.Enter(l);
        if (!NativeArgs.CheckString(l, 1, function, out var key)
            || !NativeArgs.CheckNumber(l, 2, function, out var value))
        {
            return 0;
        }

        ctx.Config[key] = integral ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        return 0;
    }
}
