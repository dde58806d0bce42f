namespace BarHarness.Network.Tests.LuaSocket;

internal static class NonBlockingSockets
{
    /// <summary>A new LuaSocket TCP object with a zero block timeout, as a widget makes one.</summary>
    public static TcpSocket NonBlockingTcp(this LuaSocketApi api)
    {
        var socket = api.Tcp();
        socket.Timeout.Set(0, "b");
        return socket;
    }
}
