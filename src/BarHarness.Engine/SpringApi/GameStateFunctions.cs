namespace BarHarness.Engine.SpringApi;

/// <summary>Game clock reads.</summary>
internal static unsafe class GameStateFunctions
{
    /// <summary>frame % dayFrames, frame // dayFrames: Recoil splits the frame so float32 Lua numbers stay
    /// exact.</summary>
    public static int GetGameFrame(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var frame = ctx.World.Frame;
        NativeArgs.PushInt(l, frame % GameClock.DayFrames);
        NativeArgs.PushInt(l, frame / GameClock.DayFrames);
        return 2;
    }

    public static int GetGameSeconds(IntPtr l) =>
        NativeArgs.ReturnFloat(l, static ctx => ctx.World.Frame / (double)GameClock.FramesPerSecond);

    public static int GetGameSpeed(IntPtr l)
    {
        var ctx = NativeArgs.Enter(l);
        var clock = ctx.World.Clock;
        NativeArgs.PushFloat(l, clock.WantedSpeed, ctx.Float32);
        NativeArgs.PushFloat(l, clock.ActualSpeed, ctx.Float32);
        NativeArgs.PushBool(l, clock.Paused);
        return 3;
    }

    public static int IsGameOver(IntPtr l) => NativeArgs.ReturnBool(l, static ctx => ctx.World.Clock.GameOver);

    public static int IsReplay(IntPtr l) => NativeArgs.ReturnBool(l, static ctx => ctx.World.Clock.IsReplay);

    public static int GetLastUpdateSeconds(IntPtr l) => NativeArgs.ReturnFloat(l, static ctx => ctx.LastUpdateSeconds);
}
