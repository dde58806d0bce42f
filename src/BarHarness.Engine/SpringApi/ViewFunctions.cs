
namespace BarHarness.Engine.SpringApi;

/// <summary>Screen, camera and mouse: a fixed desktop view, changeable by the runner through the context.</summary>
internal static unsafe class ViewFunctions
{
    public static int GetViewGeometry(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        ViewFunctions.PushViewSize(l, ctx);
        NativeArgs.PushInt(l, 0);
        NativeArgs.PushInt(l, 0);
        return 4;
    }

    public static int GetCameraPosition(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var c = ctx.Camera;
        FeatureFunctions.PushVector(l, ctx, c.X, c.Y, c.Z);
        return 3;
    }

    /// <summary>x, y, left, middle, right, offscreen, mmbScroll.</summary>
    public static int GetMouseState(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var m = ctx.Mouse;
        NativeArgs.PushInt(l, m.X);
        NativeArgs.PushInt(l, m.Y);
        NativeArgs.PushBool(l, m.Left);
        NativeArgs.PushBool(l, m.Middle);
        NativeArgs.PushBool(l, m.Right);
        NativeArgs.PushBool(l, m.Offscreen);
        NativeArgs.PushBool(l, false);
        return 7;
    }

    /// <summary>The view's width and height in pixels: the first two answers of the geometry functions.</summary>
    internal static void PushViewSize(IntPtr l, EngineApiContext ctx)
    {
        NativeArgs.PushInt(l, ctx.ViewSize.X);
        NativeArgs.PushInt(l, ctx.ViewSize.Y);
    }
}
