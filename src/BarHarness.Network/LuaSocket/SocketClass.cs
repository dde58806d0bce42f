namespace BarHarness.Network.LuaSocket;

/// <summary>LuaSocket's three TCP object classes; a master becomes a client by connect or a server by listen.</summary>
public enum SocketClass
{
    Master,
    Client,
    Server,
}

public static class SocketClassNames
{
    public static string Name(this SocketClass c) => c switch
    {
        SocketClass.Client => "tcp{client}",
        SocketClass.Server => "tcp{server}",
        _ => "tcp{master}",
    };
}
