
namespace BarHarness.Engine.SpringApi;

/// <summary>Screen, camera and mouse: a fixed desktop view, changeable by the runner through the context.</summary>
internal static unsafe class ViewFunctions
{
    public static int GetViewGeometry(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        NativeArgs.PushInt(l, ctx.ViewSize.X);
        NativeArgs.PushInt(l, ctx.ViewSize.Y);
        NativeArgs.PushInt(l, 0);
        NativeArgs.PushInt(l, 0);
        return 4;
    }

    public static int GetCameraPosition(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var c = ctx.Camera;
        NativeArgs.PushFloat(l, c.X, ctx.Float32);
        NativeArgs.PushFloat(l, c.Y, ctx.Float32);
        NativeArgs.PushFloat(l, c.Z, ctx.Float32);
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
}
