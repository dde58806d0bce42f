namespace BarHarness.Core.Transport;

/// <summary>An IPv4 address (dotted quad, or "*"/"0.0.0.0" for a listener on every address) and a TCP port.</summary>
public readonly record struct NetEndpoint(string Address, int Port)
{
    public const string AnyAddress = "0.0.0.0";

    public static NetEndpoint Loopback(int port) => new("127.0.0.1", port);

    public bool IsAnyAddress => Address is AnyAddress or "*";

    public override string ToString() => $"{Address}:{Port}";
}
