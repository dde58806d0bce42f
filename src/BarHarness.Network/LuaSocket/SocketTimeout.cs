namespace BarHarness.Network.LuaSocket;

/// <summary>LuaSocket's two timeouts ("b" per blocking step, "t" total); negative means none.</summary>
public sealed class SocketTimeout
{
    public double Block { get; private set; } = -1;

    public double Total { get; private set; } = -1;

    /// <summary>The wait a call may make: null = forever, 0 = non-blocking.</summary>
    public double? Effective => (Block < 0, Total < 0) switch
    {
        (true, true) => null,
        (true, false) => Total,
        (false, true) => Block,
        _ => Math.Min(Block, Total),
    };

    public bool IsZero => Effective == 0;

    /// <summary>Returns false for an unknown mode (LuaSocket: "invalid timeout mode").</summary>
    public bool Set(double? seconds, string mode)
    {
        var value = seconds ?? -1;
        switch (mode.Length > 0 ? mode[0] : 'b')
        {
            case 'b':
                Block = value;
                return true;
            case 'r':
            case 't':
                Total = value;
                return true;
            default:
                return false;
        }
    }
}
