namespace BarHarness.LuaHost.Measurement;

/// <summary>Which clock a native's time is charged to (<see cref="NativeTime"/>).</summary>
public enum NativeTimeKind
{
    /// <summary>Harness glue (the hook, the handler's helpers): not charged to anything.</summary>
    Untimed,

    /// <summary>The engine API (Spring.*, gl.*, ...): the engine's share of a call-in.</summary>
    Engine,

    /// <summary>LuaSocket: the network's share of a call-in.</summary>
    Socket,
}

/// <summary>
/// Stopwatch ticks the current thread spent inside timed natives, summed since the thread started.
/// The guarded entry point of every engine and socket native adds to it; the widget host reads it
/// before and after a call-in, so a call-in's engine and socket time are measured, not estimated.
/// Per thread, because a VM runs on one thread at a time and two runs may share a process.
/// </summary>
public static class NativeTime
{
    [ThreadStatic]
    private static long _engineTicks;

    [ThreadStatic]
    private static long _socketTicks;

    public static long EngineTicks => _engineTicks;

    public static long SocketTicks => _socketTicks;

    internal static void Charge(NativeTimeKind kind, long ticks)
    {
        if (kind == NativeTimeKind.Engine)
        {
            _engineTicks += ticks;
        }
        else
        {
            _socketTicks += ticks;
        }
    }
}
