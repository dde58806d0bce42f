using System.Diagnostics.CodeAnalysis;

namespace BarHarness.Engine.SpringApi;

/// <summary>
/// Recoil's ParseFeature: a non-number id raises "[f] featureID (arg #n) not a number"; a feature
/// that does not exist or that the local player may not read (the game's feature visibility rule)
/// gives null, and the native returns nothing.
/// </summary>
internal static unsafe class FeatureAccess
{
    /// <summary>The readable feature at argument <paramref name="index"/>; false means "return no values".</summary>
    public static bool Readable(
        IntPtr l, int index, string function, out EngineApiContext ctx, [NotNullWhen(true)] out MapFeature? feature)
    {
        feature = Read(l, index, function, out ctx);
        return feature is not null;
    }

    public static MapFeature? Read(IntPtr l, int index, string function, out EngineApiContext ctx)
    {
        ctx = NativeArgs.Enter(l);
        int isNum;
        var value = LuaApi.lua_tonumberx(l, index, &isNum);
        if (isNum == 0)
        {
            LuaRuntime.RaiseError(l, $"[{function}] featureID (arg #{index}) not a number", function);
            return null;
        }

        var feature = ctx.World.Features.Get((int)value);
        return feature is not null && ctx.World.IsFeatureReadable(feature) ? feature : null;
    }
}
