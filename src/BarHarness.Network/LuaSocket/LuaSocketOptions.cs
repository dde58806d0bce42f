namespace BarHarness.Network.LuaSocket;

/// <summary>How the emulated LuaSocket is configured for one run.</summary>
public sealed record LuaSocketOptions
{
    /// <summary>Recoil's TCPAllowConnect (default "*": everything).</summary>
    public string TcpAllowConnect { get; init; } = "*";

    /// <summary>Recoil's TCPAllowListen (default "*").</summary>
    public string TcpAllowListen { get; init; } = "*";

    /// <summary>Name resolution table (no real DNS: outcomes must not depend on the machine). Numeric IPv4 passes
    /// through.</summary>
    public IReadOnlyDictionary<string, string> Hosts { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["localhost"] = "127.0.0.1",
        };

    /// <summary>What <c>socket.dns.gethostname()</c> answers.</summary>
    public string HostName { get; init; } = "barharness";

    /// <summary>Added to the virtual clock by <c>socket.gettime()</c> (BAR returns wall-clock epoch seconds).</summary>
    public double GetTimeOffsetSeconds { get; init; }
}
