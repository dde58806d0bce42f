namespace BarHarness.Network.LuaSocket;

/// <summary>
/// A socket call that, in BAR, could freeze the whole game: made with a timeout other than 0, or
/// <c>socket.sleep</c>. The harness never waits for real in simulated mode; it records the call.
/// </summary>
/// <param name="Function">LuaSocket name, e.g. "connect", "receive", "select", "sleep".</param>
/// <param name="TimeoutSeconds">The timeout in force; null means "forever" (nil or negative).</param>
/// <param name="WouldHaveWaited">False when the call could complete at once (BAR would not have frozen this
/// time).</param>
/// <param name="Traceback">The widget's Lua traceback at the call.</param>
/// <param name="VirtualMicros">Virtual time of the call.</param>
/// <param name="GameFrame">Game frame at the call, when the host said.</param>
public sealed record BlockingCall(
    string Function,
    double? TimeoutSeconds,
    bool WouldHaveWaited,
    string Traceback,
    long VirtualMicros,
    int? GameFrame);
