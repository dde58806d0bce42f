using System.Globalization;

namespace BarHarness.Engine.SpringApi;

/// <summary>springsettings.cfg reads and writes, kept in memory for the run.</summary>
internal static unsafe class ConfigFunctions
{
    public static int GetConfigInt(IntPtr l) =>
        Key(l, "GetConfigInt", out var ctx, out var key)
            ? NativeArgs.Answer(l, StoredNumber(ctx, key) is { } d ? (long)d : NativeArgs.OptInt(l, 2, 0))
            : 0;

    public static int GetConfigFloat(IntPtr l) =>
        Key(l, "GetConfigFloat", out var ctx, out var key)
            ? NativeArgs.Answer(l, StoredNumber(ctx, key) ?? NativeArgs.OptNumber(l, 2, 0), ctx.Float32)
            : 0;

    public static int GetConfigString(IntPtr l) =>
        Key(l, "GetConfigString", out var ctx, out var key)
            ? NativeArgs.Answer(l, ctx.Config.GetValueOrDefault(key) ?? LuaApi.ToStringValue(l, 2) ?? string.Empty)
            : 0;

    public static int SetConfigInt(IntPtr l) => Set(l, "SetConfigInt", integral: true);

    public static int SetConfigFloat(IntPtr l) => Set(l, "SetConfigFloat", integral: false);

    public static int SetConfigString(IntPtr l)
    {
        if (Key(l, "SetConfigString", out var ctx, out var key)
            && NativeArgs.CheckString(l, 2, "SetConfigString", out var value))
        {
            ctx.Config[key] = value;
        }

        return 0;
    }

    private static int Set(IntPtr l, string function, bool integral)
    {
        if (Key(l, function, out var ctx, out var key) && NativeArgs.CheckNumber(l, 2, function, out var value))
        {
            ctx.Config[key] = integral ? ((long)value).ToString(CultureInfo.InvariantCulture)
                : value.ToString("R", CultureInfo.InvariantCulture);
        }

        return 0;
    }

    /// <summary>Counts the call and reads the setting's name (argument 1, a string).</summary>
    private static bool Key(IntPtr l, string function, out EngineApiContext ctx, out string key)
    {
        ctx = NativeArgs.Enter(l);
        return NativeArgs.CheckString(l, 1, function, out key);
    }

    /// <summary>A stored setting read as a number, as Recoil parses it; null when absent or not a number.</summary>
    private static double? StoredNumber(EngineApiContext ctx, string key) =>
        ctx.Config.TryGetValue(key, out var s)
        && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;
}
